package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.stats.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyFcrTest {

  @Test
  void yesShareWithItsWilsonInterval() {
    // 14 yes of 20 answers: KPIS.md's Wilson reference for 14/20.
    SurveyFcrAggregator a = Fcr.surveyAggregator();
    for (int i = 0; i < 20; i++) {
      a.add(i < 14);
    }
    a.addBlank();
    SurveyFcrResult r = a.result();
    assertEquals(0.7, r.fcr(), 1e-15);
    Interval w = r.fcrInterval(0.95);
    assertEquals(0.4810271816, w.lower(), 1e-9);
    assertEquals(0.8545227551, w.upper(), 1e-9);
    assertEquals(20, r.respondents());
    assertEquals(1, r.stats().blanks());
    assertThrows(IllegalArgumentException.class, () -> a.add(2));
    assertEquals(r, Fcr.surveyFromBytes(a.toBytes()).result());
  }

  @Test
  void theRegistryFindsBothFcrs() {
    KpiRegistry registry = KpiRegistry.load();
    assertTrue(registry.ids().containsAll(java.util.List.of("fcr", "fcr-repeat")));
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    KpiAggregator survey = registry.get("fcr").newAggregator();
    assertTrue(survey.accept(SurveyResponse.builder("a", t).question("fcr").score(1).build()));
    assertEquals(100, survey.summary(0.95).value(), 1e-12);
    KpiAggregator repeat = registry.get("fcr-repeat").newAggregator();
    assertTrue(repeat.accept(ServiceContact.builder("a", t).build()));
    assertTrue(repeat.accept(ServiceContact.builder("b", t).build()));
    assertTrue(repeat.accept(ServiceContact.builder("a", t.plusSeconds(3600)).build()));
    assertFalse(repeat.accept(SurveyResponse.builder("a", t).build()));
    assertEquals(0, repeat.summary(0.95).n(), "nothing decided within the window yet");
    KpiAggregator copy = repeat.copy();
    repeat.endOfInput();
    assertEquals(2, repeat.summary(0.95).n());
    assertEquals(50, repeat.summary(0.95).value(), 1e-12);
    copy.endOfInput();
    assertEquals(0, repeat.difference(copy, 0.95).estimate(), 1e-12);
  }
}
