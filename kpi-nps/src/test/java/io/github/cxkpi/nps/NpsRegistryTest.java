package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The registry finds NPS. Surefire runs this class twice: on the module path (the default
 * execution; {@code provides} in module-info) and on the class path (the {@code classpath}
 * execution; META-INF/services). Each run asserts which one it is in.
 */
class NpsRegistryTest {

  @Test
  void theRegistryFindsNps() {
    boolean modulePath = KpiRegistry.class.getModule().isNamed();
    String expected = System.getProperty("cxkpi.expect.path", "module");
    assertEquals(expected, modulePath ? "module" : "class", "which path this run uses");
    KpiProvider p = KpiRegistry.load().get("nps");
    assertEquals("Net Promoter Score", p.displayName());
    KpiAggregator a = p.newAggregator();
    Instant t = Instant.EPOCH;
    assertTrue(a.accept(SurveyResponse.builder("a", t).score(10).build()));
    assertTrue(a.accept(SurveyResponse.builder("b", t).score(3).build()));
    assertTrue(a.accept(SurveyResponse.builder("b", t).score(9).build()));
    assertEquals(false, a.accept(SurveyResponse.builder("c", t).question("csat").score(9).build()));
    assertEquals(false, a.accept(ServiceContact.builder("d", t).build()));
    KpiSummary s = a.summary(0.95);
    assertEquals(3, s.n());
    assertEquals(100.0 / 3, s.value(), 1e-12);
    assertTrue(s.smallSample());
    assertTrue(s.interval().contains(s.value()));
    KpiAggregator back = p.fromBytes(a.toBytes());
    assertArrayEquals(a.toBytes(), back.toBytes());
    back.merge(a);
    assertEquals(6, back.count());
    assertEquals(0, back.difference(a, 0.95).estimate(), 1e-12);
  }

  @Test
  void kpiAggregatorsOfDifferentKpisDoNotMix() {
    KpiAggregator a = KpiRegistry.load().get("nps").newAggregator();
    KpiAggregator stranger = new KpiAggregator() {
      @Override public String kpiId() { return "other"; }
      @Override public boolean accept(io.github.cxkpi.event.Interaction i) { return false; }
      @Override public KpiAggregator merge(KpiAggregator o) { return this; }
      @Override public KpiSummary summary(double level) { throw new UnsupportedOperationException(); }
      @Override public io.github.cxkpi.stats.Difference difference(KpiAggregator b, double l) {
        throw new UnsupportedOperationException();
      }
      @Override public long count() { return 0; }
      @Override public boolean isEmpty() { return true; }
      @Override public KpiAggregator copy() { return this; }
      @Override public byte[] toBytes() { return new byte[0]; }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(stranger));
    assertEquals("cannot combine a nps aggregator with a other aggregator", e.getMessage());
  }
}
