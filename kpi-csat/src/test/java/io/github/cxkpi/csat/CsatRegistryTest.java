package io.github.cxkpi.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsatRegistryTest {
  @Test
  void theRegistryFindsCsat() {
    KpiAggregator a = KpiRegistry.load().get("csat").newAggregator();
    Instant t = Instant.EPOCH;
    assertTrue(a.accept(SurveyResponse.builder("a", t).question("csat").score(5).build()));
    assertTrue(a.accept(SurveyResponse.builder("b", t).question("csat").score(2).build()));
    assertFalse(a.accept(SurveyResponse.builder("c", t).question("nps").score(2).build()));
    KpiSummary s = a.summary(0.95);
    assertEquals(50, s.value(), 1e-12);
    assertEquals(2, s.n());
    KpiAggregator back = KpiRegistry.load().get("csat").fromBytes(a.toBytes());
    assertEquals(0, back.difference(a, 0.95).estimate(), 1e-12);
  }
}
