package io.github.cxkpi.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.scale.RatingsByQuestion;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KPIS.md's CSAT vector (computed independently there) and the variants, 95 %. */
class CsatReferenceTest {
  private static final double TOL = 1e-9;
  private static final int[] VECTOR = {5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 5, 2, 4, 5, 3, 4, 5};

  @Test
  void theVector() {
    CsatResult r = Csat.aggregator().addAll(VECTOR).result();
    assertEquals(20, r.respondents());
    assertEquals(0.70, r.satisfiedShare(), 1e-15);
    Interval w = r.satisfiedInterval(0.95);
    assertEquals(0.4810271816, w.lower(), TOL);
    assertEquals(0.8545227551, w.upper(), TOL);
    Interval cp = Proportions.clopperPearson(14, 20, 0.95);
    assertEquals(0.4572108177, cp.lower(), TOL);
    assertEquals(0.8810684096, cp.upper(), TOL);
    assertEquals(3.85, r.mean(), 1e-15);
    assertEquals(1.1821033885, r.standardDeviation(), TOL);
    Interval m = r.meanInterval(0.95);
    assertEquals(3.2967585843, m.lower(), TOL);
    assertEquals(4.4032414157, m.upper(), TOL);
    assertEquals(0.55, r.net(), 1e-15);
    assertEquals((3.85 - 1) / 4, r.normalizedMean(), 1e-15);
    assertTrue(r.isSmallSample());
    assertEquals(List.of(1L, 2L, 3L, 7L, 7L), r.stats().counts());
  }

  @Test
  void splitAndMergedGivesTheSameMeanAndVariance() {
    CsatAggregator a = Csat.aggregator().addAll(java.util.Arrays.copyOfRange(VECTOR, 0, 7));
    CsatAggregator b = Csat.aggregator().addAll(java.util.Arrays.copyOfRange(VECTOR, 7, 20));
    CsatResult r = a.merge(b).result();
    assertEquals(3.85, r.mean(), 1e-15);
    assertEquals(1.1821033885, r.standardDeviation(), TOL);
  }

  @Test
  void defaultThresholdsPerScaleAndBinary() {
    assertEquals(4, Csat.onScale(1, 5).satisfiedMin());
    assertEquals(6, Csat.onScale(1, 7).satisfiedMin());
    assertEquals(9, Csat.onScale(1, 10).satisfiedMin());
    assertEquals(9, Csat.onScale(0, 10).satisfiedMin());
    assertEquals(5, Csat.onScale(1, 5).withTopBoxes(1).satisfiedMin());
    assertEquals(3, Csat.onScale(1, 5).withSatisfiedFrom(3).topBoxes());
    CsatResult good = Csat.aggregator(Csat.binary()).addAll(1, 1, 1, 0).addBlank().result();
    assertEquals(0.75, good.satisfiedShare(), 1e-15, "good / (good + bad), unrated excluded");
    assertEquals(1, good.stats().blanks());
  }

  @Test
  void oneKpiPerQuestion() {
    Instant t = Instant.EPOCH;
    RatingsByQuestion<CsatAggregator> byQ = Csat.byQuestion(Csat.onScale(1, 5), "csat.");
    for (int s : new int[] {5, 4, 1}) {
      byQ.accept(SurveyResponse.builder("a", t).question("csat.checkout").score(s).build());
    }
    byQ.accept(SurveyResponse.builder("a", t).question("csat.delivery").score(2).build());
    assertFalse(byQ.accept(SurveyResponse.builder("a", t).question("nps").score(2).build()));
    assertEquals(List.of("csat.checkout", "csat.delivery"), List.copyOf(byQ.aggregators().keySet()));
    assertEquals(2.0 / 3, byQ.get("csat.checkout").orElseThrow().result().satisfiedShare(), 1e-15);
    assertEquals(0, byQ.get("csat.delivery").orElseThrow().result().satisfiedShare());
    RatingsByQuestion<CsatAggregator> other = Csat.byQuestion(Csat.onScale(1, 5), "csat.");
    other.accept(SurveyResponse.builder("b", t).question("csat.support").score(5).build());
    byQ.merge(other);
    assertEquals(3, byQ.aggregators().size());
  }

  @Test
  void comparingTwoPeriods() {
    CsatResult now = Csat.aggregator().addAll(VECTOR).result();
    CsatResult before = Csat.aggregator().addAll(1, 2, 3, 3, 4, 4, 5, 2, 3, 4).result();
    RatingComparison c = now.compare(before, 0.95);
    assertEquals(0.70 - 0.4, c.share().estimate(), 1e-15);
    double q = (14 + 4) / 30.0;
    assertEquals(0.3 / Math.sqrt(q * (1 - q) * (1.0 / 20 + 1.0 / 10)), c.share().statistic(), 1e-12);
    assertTrue(c.share().interval().contains(0.3));
    assertEquals(3.85 - 3.1, c.mean().estimate(), 1e-12);
    assertTrue(c.mean().degreesOfFreedom() > 10 && c.mean().degreesOfFreedom() < 28);
  }

  @Test
  void weighted() {
    CsatAggregator a = Csat.aggregator();
    a.add(5, 3.0).add(1).add(4, 0.5);
    CsatResult r = a.result();
    assertEquals(3.5 / 4.5, r.satisfiedShare(), 1e-15);
    assertEquals((15 + 1 + 2) / 4.5, r.mean(), 1e-15);
    assertEquals(4.5 * 4.5 / (9 + 1 + 0.25), r.effectiveSampleSize(), 1e-12);
  }
}
