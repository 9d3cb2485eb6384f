package io.github.cxkpi.stats;

import io.github.cxkpi.internal.Checks;

/**
 * The two-sided z test of a difference with a known (estimated) standard error.
 *
 * @since 0.1.0
 */
public final class ZTest {
  private ZTest() {}

  /**
   * The two-sided p-value of a z statistic: {@code 2 (1 - Φ(|z|))}, computed in the tail so
   * that small p-values keep their precision.
   *
   * @param z the statistic
   * @return the p-value, NaN for a NaN statistic
   */
  public static double twoSidedPValue(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Math.min(1, 2 * Normal.complementaryCdf(Math.abs(z)));
  }

  /**
   * Tests {@code estimate = 0}: {@code z = estimate / se}, the two-sided p-value and the Wald
   * interval {@code estimate ± z_crit · se}.
   *
   * @param estimate the estimated difference
   * @param standardError its standard error, {@code >= 0}; with 0, z is 0 (p = 1) when the
   *     estimate is 0 and infinite (p = 0) otherwise
   * @param level the confidence level of the interval
   * @return the comparison
   */
  public static Difference twoSided(double estimate, double standardError, double level) {
    Checks.level(level);
    double z = estimate / standardError;
    if (standardError == 0) {
      // No spread at all: equal constants are no evidence of a difference (z 0, p 1), and
      // different constants are certain evidence (z infinite, p 0). Never 0/0 = NaN.
      z = estimate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, estimate);
    }
    return new Difference(estimate, standardError, z, Double.POSITIVE_INFINITY,
        twoSidedPValue(z), Interval.around(estimate, Normal.critical(level) * standardError),
        level);
  }
}
