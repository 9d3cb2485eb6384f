package io.github.cxkpi.ces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.Direction;
import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.stats.Interval;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** KPIS.md's CES vectors (computed independently there), 95 %, and the direction rules. */
class CesReferenceTest {
  private static final double TOL = 1e-9;
  private static final int[] V2 = {7, 6, 6, 5, 7, 4, 3, 6, 5, 7, 2, 6, 5, 6, 7};
  private static final int[] V1 = {1, 2, 2, 3, 1, 4, 2, 5, 1, 2};

  @Test
  void ces2() {
    CesResult r = Ces.aggregator().addAll(V2).result();
    assertEquals(5.4666666667, r.mean(), TOL);
    assertEquals(1.5055453054, r.standardDeviation(), TOL);
    Interval m = r.meanInterval(0.95);
    assertEquals(4.6329234665, m.lower(), TOL);
    assertEquals(6.3004098668, m.upper(), TOL);
    assertEquals(0.80, r.easyShare(), 1e-15);
    Interval w = r.easyInterval(0.95);
    assertEquals(0.5481455128, w.lower(), TOL);
    assertEquals(0.9295245065, w.upper(), TOL);
    assertEquals(0.6666666667, r.netEasy(), TOL);
    assertEquals(Direction.HIGHER_IS_BETTER, r.direction());
  }

  @Test
  void ces2SplitAfterSevenAndMerged() {
    CesAggregator a = Ces.aggregator().addAll(Arrays.copyOfRange(V2, 0, 7));
    CesAggregator b = Ces.aggregator().addAll(Arrays.copyOfRange(V2, 7, V2.length));
    CesResult r = Ces.fromBytes(a.toBytes()).merge(b).result();
    assertEquals(5.4666666667, r.mean(), TOL);
    assertEquals(1.5055453054 * 1.5055453054, r.stats().variance(), TOL);
  }

  @Test
  void ces1() {
    CesResult r = Ces.aggregator(Ces.v1()).addAll(V1).result();
    assertEquals(2.3, r.mean(), 1e-15);
    assertEquals(1.3374935098, r.standardDeviation(), TOL);
    Interval m = r.meanInterval(0.95);
    assertEquals(1.3432147810, m.lower(), TOL);
    assertEquals(3.2567852190, m.upper(), TOL);
    assertEquals(0.70, r.easyShare(), 1e-15, "low-effort share (1-2)");
    assertEquals(Direction.LOWER_IS_BETTER, r.direction());
  }

  @Test
  void betterMeansTheSameInBothVersions() {
    // CES 1.0: the mean falls from 2.3 to 1.5: less effort, so the change is positive.
    CesResult before = Ces.aggregator(Ces.v1()).addAll(V1).result();
    CesResult after = Ces.aggregator(Ces.v1()).addAll(1, 1, 2, 2, 1, 2, 1, 2, 1, 2).result();
    RatingComparison c = after.compare(before, 0.95);
    assertEquals(0.8, c.mean().estimate(), 1e-12, "2.3 - 1.5, oriented: positive is better");
    assertTrue(c.mean().interval().contains(0.8));
    assertEquals(0.3, c.share().estimate(), 1e-12, "easy share up from 0.7 to 1.0");
    // CES 2.0: the mean rises: better, positive.
    CesResult lo = Ces.aggregator().addAll(3, 4, 5, 4, 3).result();
    CesResult hi = Ces.aggregator().addAll(V2).result();
    assertTrue(hi.compare(lo, 0.95).mean().estimate() > 0);
    assertTrue(lo.compare(hi, 0.95).mean().estimate() < 0);
  }

  @Test
  void stricterTopTwoAndBadDefinitions() {
    CesResult r = Ces.aggregator(Ces.v2().withEasy(6, 7)).addAll(V2).result();
    assertEquals(9.0 / 15, r.easyShare(), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ces.v2().withEasy(1, 2));
    assertTrue(e.getMessage().contains("good side"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Ces.v2().withEasy(3, 9));
    assertThrows(IllegalArgumentException.class, () -> Ces.aggregator().add(8));
    assertThrows(IllegalArgumentException.class,
        () -> Ces.aggregator().merge(Ces.aggregator(Ces.v1())));
    assertThrows(CodecException.class, () -> Ces.fromBytes(new byte[] {1, 2}));
    assertThrows(CodecException.class,
        () -> Ces.fromBytes(io.github.cxkpi.scale.ScaleHistogram.of(1, 7).toBytes()));
  }

  @Test
  void theRegistryFindsCes() {
    KpiAggregator a = KpiRegistry.load().get("ces").newAggregator();
    Instant t = Instant.EPOCH;
    assertTrue(a.accept(SurveyResponse.builder("a", t).question("ces").score(7).build()));
    assertTrue(a.accept(SurveyResponse.builder("b", t).question("ces").score(5).build()));
    assertEquals(6, a.summary(0.95).value(), 1e-15);
    assertEquals("Customer Effort Score", KpiRegistry.load().get("ces").displayName());
  }
}
