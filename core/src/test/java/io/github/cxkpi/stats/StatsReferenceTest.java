package io.github.cxkpi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values. Unless a test says otherwise they were computed with mpmath 1.3.0 at
 * 40 significant digits: {@code ncdf}, {@code sqrt(2)·erfinv(2p-1)}, and for Student's t
 * {@code betainc(df/2, 1/2, 0, df/(df+t²), regularized=True)/2} and {@code findroot} on it;
 * an independent implementation of the same definitions, at twice double precision.
 */
class StatsReferenceTest {
  private static final double TOL = 1e-9;

  private static void close(double expected, double actual, String what) {
    double tol = TOL * Math.max(1e-3, Math.abs(expected));
    assertEquals(expected, actual, Math.min(TOL, tol), what);
  }

  @ParameterizedTest
  @CsvSource({
    "-38, 2.8854283600687843084e-316",
    "-20, 2.7536241186062336951e-89",
    "-8, 6.2209605742717841235e-16",
    "-5, 2.8665157187919391167e-7",
    "-3.5, 0.00023262907903552503635",
    "-3, 0.0013498980316300945267",
    "-2.5, 0.006209665325776135167",
    "-1.959963984540054, 0.025000000000000013765",
    "-1, 0.15865525393145705141",
    "-0.5, 0.30853753872598689636",
    "-1e-5, 0.49999601057719605216",
    "0, 0.5",
    "0.3, 0.61791142218895263731",
    "1, 0.84134474606854294859",
    "1.5, 0.933192798731141934",
    "2, 0.9772498680518207928",
    "2.999, 0.99864566346627289335",
    "3.001, 0.99865452717491503401",
    "4, 0.99996832875816688008",
    "6, 0.99999999901341235496",
    "8.5, 0.99999999999999999052"
  })
  void normalCdf(double x, double expected) {
    double actual = Normal.cdf(x);
    assertEquals(expected, actual, 1e-15, "Φ(" + x + ")");
    if (x < 0) {
      // Tails keep their relative precision.
      assertEquals(1, actual / expected, 1e-12, "relative Φ(" + x + ")");
      assertEquals(1, Normal.complementaryCdf(-x) / expected, 1e-12, "Q(" + -x + ")");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1e-20, -9.2623400897984075737",
    "1e-10, -6.3613409024040562047",
    "0.001, -3.0902323061678135415",
    "0.02425, -1.9729610513118848503",
    "0.025, -1.9599639845400542355",
    "0.1, -1.281551565544600467",
    "0.3, -0.52440051270804078404",
    "0.5, 0.0",
    "0.7, 0.52440051270804078404",
    "0.9, 1.281551565544600467",
    "0.975, 1.9599639845400542355",
    "0.995, 2.575829303548900761",
    "0.999999, 4.7534243088228989482"
  })
  void normalQuantile(double p, double expected) {
    // 1e-10 relative: the decimal p of the reference and its double differ by up to 1e-16,
    // which moves the quantile far in the tails by up to ~1e-11.
    assertEquals(expected, Normal.quantile(p), 1e-10 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void normalEdges() {
    assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0));
    assertEquals(Double.POSITIVE_INFINITY, Normal.quantile(1));
    assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1.5));
    assertThrows(IllegalArgumentException.class, () -> Normal.quantile(Double.NaN));
    assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    assertEquals(1.959963984540054, Normal.critical(0.95), 1e-15, "KPIS.md's z at 95 %");
    assertThrows(IllegalArgumentException.class, () -> Normal.critical(1));
  }

  @ParameterizedTest
  @CsvSource({
    "-3, 1, 0.10241638234956672582",
    "2, 1, 0.85241638234956672582",
    "1.5, 2, 0.86380343755449946028",
    "-2.228138851986274, 10, 0.025000000000000031721",
    "2.5, 3.7, 0.96408898854408661199",
    "0.5, 5, 0.68085056417953549665",
    "-10, 7, 0.000010697101445386405934",
    "3, 30, 0.99730501796717402669",
    "1.96, 1000, 0.97486340752212564286",
    "-2, 100000, 0.022751481728753231625",
    "-40, 4, 1.1670081613006342976e-6",
    "0, 12, 0.5",
    "1, 0.5, 0.69887838915867791845"
  })
  void studentTCdf(double t, double df, double expected) {
    double actual = StudentT.cdf(t, df);
    assertEquals(expected, actual, 1e-12, "T(" + t + "; " + df + ")");
    assertEquals(1, actual / expected, 1e-10, "relative T(" + t + "; " + df + ")");
  }

  @ParameterizedTest
  @CsvSource({
    "0.975, 1, 12.706204736174704646",
    "0.975, 2, 4.3026527297494638523",
    "0.975, 10, 2.2281388519862747484",
    "0.975, 19, 2.0930240544083097692",
    "0.975, 14, 2.1447866879178038287",
    "0.975, 9, 2.2621571627982055426",
    "0.995, 3.5, 5.0857022230912584428",
    "0.05, 25, -1.7081407612518992711",
    "0.999, 1000, 3.0984021639129229128",
    "0.9, 100000, 1.2815600314493610141"
  })
  void studentTQuantile(double p, double df, double expected) {
    assertEquals(expected, StudentT.quantile(p, df), 1e-9 * Math.abs(expected));
  }

  @Test
  void studentTClosedForms() {
    // df = 1 is Cauchy: F(t) = 1/2 + atan(t)/π; df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t²)).
    for (double t = -50; t <= 50; t += 0.37) {
      assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13);
      assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13);
    }
    assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0));
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, Double.NaN));
  }

  @Test
  void proportionsAgainstKpisMd() {
    // KPIS.md's CSAT vector: 14 of 20 satisfied; CES vector: 12 of 15 easy.
    Interval w = Proportions.wilson(14, 20, 0.95);
    close(0.4810271816, w.lower(), "Wilson lower");
    close(0.8545227551, w.upper(), "Wilson upper");
    Interval cp = Proportions.clopperPearson(14, 20, 0.95);
    close(0.4572108177, cp.lower(), "Clopper-Pearson lower");
    close(0.8810684096, cp.upper(), "Clopper-Pearson upper");
    Interval ces = Proportions.wilson(12, 15, 0.95);
    close(0.5481455128, ces.lower(), "Wilson lower (CES)");
    close(0.9295245065, ces.upper(), "Wilson upper (CES)");
  }

  @Test
  void proportionEdges() {
    assertFalse(Proportions.wilson(0, 0, 0.95).isDefined());
    Interval none = Proportions.wilson(0, 10, 0.95);
    assertEquals(0, none.lower());
    assertTrue(none.upper() > 0.2);
    assertEquals(1, Proportions.clopperPearson(10, 10, 0.95).upper());
    assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(11, 10, 0.95));
    // Agresti-Coull and Jeffreys by their definitions, with the mpmath Beta quantiles:
    // I_x(14.5, 6.5) = 0.025 at x = 0.4827717514, = 0.975 at x = 0.8638837734 (bisection on betainc).
    Interval j = Proportions.jeffreys(14, 20, 0.95);
    close(0.4827717514, j.lower(), "Jeffreys lower");
    close(0.8638837734, j.upper(), "Jeffreys upper");
    double z = Normal.critical(0.95);
    double nt = 20 + z * z;
    double pt = (14 + z * z / 2) / nt;
    Interval ac = Proportions.agrestiCoull(14, 20, 0.95);
    close(pt - z * Math.sqrt(pt * (1 - pt) / nt), ac.lower(), "Agresti-Coull lower");
  }

  @Test
  void zTest() {
    // 2 (1 - Φ(1.5)) from the mpmath value of Φ(1.5) above.
    assertEquals(0.133614402537716132, ZTest.twoSidedPValue(1.5), 1e-15);
    assertEquals(0.133614402537716132, ZTest.twoSidedPValue(-1.5), 1e-15);
    Difference d = ZTest.twoSided(0.3, 0.2, 0.95);
    assertEquals(1.5, d.statistic(), 1e-15);
    close(0.3 - 1.959963984540054 * 0.2, d.interval().lower(), "interval lower");
    assertFalse(d.isSignificant());
    assertEquals(2.7536241186062336951e-89 * 2, ZTest.twoSidedPValue(20), 1e-100);
  }

  @Test
  void welchAgainstAHandComputation() {
    // Means 5.4667 (s 1.5055, n 15) and 3.85 (s 1.1821, n 20): KPIS.md's CES and CSAT vectors.
    double v1 = 1.5055453054 * 1.5055453054;
    double v2 = 1.1821033885 * 1.1821033885;
    Difference d = Means.welch(5.4666666667, v1, 15, 3.85, v2, 20, 0.95);
    double se = Math.sqrt(v1 / 15 + v2 / 20);
    double df = Math.pow(v1 / 15 + v2 / 20, 2)
        / (Math.pow(v1 / 15, 2) / 14 + Math.pow(v2 / 20, 2) / 19);
    assertEquals(se, d.standardError(), 1e-15);
    assertEquals(df, d.degreesOfFreedom(), 1e-12);
    assertEquals(2 * StudentT.cdf(-d.statistic(), df), d.pValue(), 1e-15);
    // mpmath: 2·(1 - T(3.4644557..., 25.8585...)) = 0.00187...; checked through the CDF above.
    assertTrue(d.pValue() < 0.01 && d.pValue() > 0.001, "p " + d.pValue());
  }

  @Test
  void tIntervalAgainstKpisMd() {
    Interval i = Means.tInterval(3.85, 1.1821033885, 20, 0.95);
    close(3.2967585843, i.lower(), "CSAT mean lower");
    close(4.4032414157, i.upper(), "CSAT mean upper");
    assertFalse(Means.tInterval(3, 0, 1, 0.95).isDefined());
  }
}
