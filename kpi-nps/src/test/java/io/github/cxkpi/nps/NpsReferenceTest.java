package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference vectors of KPIS.md (computed independently there), 95 %. */
class NpsReferenceTest {
  private static final double TOL = 1e-9;

  private static void assertInterval(double lower, double upper, Interval actual, String what) {
    assertEquals(lower, actual.lower(), TOL, what + " lower");
    assertEquals(upper, actual.upper(), TOL, what + " upper");
  }

  @Test
  void twelveScores() {
    NpsResult r = Nps.aggregator().addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0).result();
    assertEquals(12, r.n());
    assertEquals(5, r.promoters());
    assertEquals(3, r.passives());
    assertEquals(4, r.detractors());
    assertEquals(0.0833333333, r.fraction(), TOL);
    assertEquals(8.33333333, r.score(), 1e-7);
    assertEquals(0.7430555556, r.variance(), TOL);
    assertEquals(0.2488399009, r.standardError(), TOL);
    assertInterval(-0.4043839104, 0.5710505771, r.interval(0.95, NpsIntervalMethod.WALD), "Wald");
    assertInterval(-0.3553876761, 0.4887210095,
        r.interval(0.95, NpsIntervalMethod.ADJUSTED_WALD), "adjusted Wald");
    assertInterval(-0.3764019264, 0.5074052310, r.interval(0.95, NpsIntervalMethod.SCORE),
        "score");
    assertEquals(r.interval(0.95, NpsIntervalMethod.ADJUSTED_WALD), r.interval(0.95));
    assertTrue(r.isSmallSample(), "12 < 30");
    assertEquals(r.n(), r.effectiveSampleSize());
  }

  @ParameterizedTest(name = "D={0} passives={1} P={2}")
  @CsvSource({
    "1, 2, 3, 0.3333333333333333, 0.5555555555555556, 0.304290",
    "1, 0, 1, 0, 1, 0.707107",
    "1, 1, 1, 0, 0.6666666666666666, 0.471405"
  })
  void countsFromTheRPackagesTests(int d, int pa, int p, double nps, double s2, double se) {
    NpsAggregator a = Nps.aggregator();
    for (int i = 0; i < d; i++) {
      a.add(3);
    }
    for (int i = 0; i < pa; i++) {
      a.add(7);
    }
    for (int i = 0; i < p; i++) {
      a.add(10);
    }
    NpsResult r = a.result();
    assertEquals(nps, r.fraction(), 1e-12);
    assertEquals(s2, r.variance(), 1e-12);
    assertEquals(se, r.standardError(), 1e-6);
  }

  @Test
  void scoreIntervalAtTheBounds() {
    NpsResult allPromoters = Nps.aggregator().addAll(9, 10, 10, 9, 10).result();
    Interval i = allPromoters.interval(0.95, NpsIntervalMethod.SCORE);
    assertEquals(1, i.upper());
    assertTrue(i.lower() > -1 && i.lower() < 1);
    NpsResult allDetractors = Nps.aggregator().addAll(0, 1, 2).result();
    assertEquals(-1, allDetractors.interval(0.95, NpsIntervalMethod.SCORE).lower());
    // The Wald interval collapses to a point there; the adjusted one does not.
    assertEquals(0, allPromoters.interval(0.95, NpsIntervalMethod.WALD).width(), 1e-15);
    assertTrue(allPromoters.interval(0.95, NpsIntervalMethod.ADJUSTED_WALD).width() > 0.3);
  }

  @Test
  void oneAnswerAdjustedWaldMayExcludeTheEstimateAsDocumented() {
    NpsResult one = Nps.aggregator().add(10).result();
    assertEquals(1.0, one.fraction());
    Interval adjusted = one.interval(0.95);
    // (1.75 - 0.75) / 4 = 0.25 +- 1.959964 * sqrt(0.5625 / 4): the NPS of 1 lies outside.
    assertEquals(0.25 - 1.959963984540054 * 0.375, adjusted.lower(), 1e-12);
    assertEquals(0.25 + 1.959963984540054 * 0.375, adjusted.upper(), 1e-12);
    assertFalse(adjusted.contains(one.fraction()));
    assertTrue(one.isSmallSample());
    // The score interval always holds the estimate, at any n and mix.
    for (int[] scores : new int[][] {{10}, {0}, {7}, {10, 0}, {9, 9, 8}, {0, 0, 10}}) {
      NpsResult r = Nps.aggregator().addAll(scores).result();
      assertTrue(r.interval(0.95, NpsIntervalMethod.SCORE).contains(r.fraction()),
          java.util.Arrays.toString(scores));
    }
  }

  @Test
  void emptyResultIsUndefinedNotAnError() {
    NpsResult r = Nps.aggregator().result();
    assertEquals(0, r.n());
    assertTrue(Double.isNaN(r.score()));
    for (NpsIntervalMethod m : NpsIntervalMethod.values()) {
      assertFalse(r.interval(0.95, m).isDefined(), m.name());
    }
  }

  @Test
  void blanksInTheDenominator() {
    NpsAggregator a = Nps.aggregator(Nps.definition().withBlankPolicy(BlankPolicy.COUNT_IN_DENOMINATOR));
    a.addAll(10, 10, 0).addBlank();
    NpsResult r = a.result();
    assertEquals(4, r.n());
    assertEquals(25, r.score(), 1e-12, "(2 - 1) / 4");
    NpsResult excluded = Nps.aggregator().addAll(10, 10, 0).addBlank().result();
    assertEquals(3, excluded.n());
    assertEquals(1, excluded.blanks());
    assertEquals(100.0 / 3, excluded.score(), 1e-12);
  }

  @Test
  void oneToTenScaleWithTheSameBreaks() {
    NpsResult r = Nps.aggregator(Nps.definition().withScale(1, 10)).addAll(1, 6, 7, 8, 9, 10)
        .result();
    assertEquals(2, r.promoters());
    assertEquals(2, r.detractors());
    assertEquals(0, r.score(), 1e-12);
  }

  @Test
  void weightedScoreAndKish() {
    // Weights 2, 1, 1: NPS_w = (2·1 + 1·0 + 1·(-1)) / 4 = 0.25; n_eff = 16 / 6.
    NpsAggregator a = Nps.aggregator();
    a.add(10, 2.0).add(8).add(4);
    NpsResult r = a.result();
    assertTrue(r.weighted());
    assertEquals(0.25, r.fraction(), 1e-15);
    assertEquals(16.0 / 6, r.effectiveSampleSize(), 1e-15);
    double p = 0.5;
    double d = 0.25;
    assertEquals(Math.sqrt((p + d - 0.0625) / (16.0 / 6)), r.standardError(), 1e-15);
  }

  @Test
  void comparingTwoPeriods() {
    NpsResult a = Nps.aggregator().addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0).result();
    NpsResult b = Nps.aggregator().addAll(10, 9, 8, 7, 6, 5, 4, 3, 2, 1).result();
    Difference d = a.compare(b, 0.95);
    double se = Math.sqrt(a.variance() / 12 + b.variance() / 10);
    assertEquals(a.fraction() - b.fraction(), d.estimate(), 1e-15);
    assertEquals(se, d.standardError(), 1e-15);
    assertEquals(d.estimate() / se, d.statistic(), 1e-12);
    assertEquals(d.estimate() - 1.959963984540054 * se, d.interval().lower(), 1e-12);
    assertTrue(d.estimate() > 0 && d.interval().lower() < 0, "the interval is of Δ, not |Δ|");
    Difference reversed = b.compare(a, 0.95);
    assertEquals(-d.estimate(), reversed.estimate(), 1e-15);
    assertEquals(d.pValue(), reversed.pValue(), 1e-15);
  }
}
