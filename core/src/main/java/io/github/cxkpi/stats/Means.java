package io.github.cxkpi.stats;

import io.github.cxkpi.internal.Checks;

/**
 * The t interval of a mean and Welch's t test of two means.
 *
 * @since 0.1.0
 */
public final class Means {
  private Means() {}

  /**
   * The t interval {@code mean ± t(n-1) · s / sqrt(n)}.
   *
   * @param mean the sample mean
   * @param standardDeviation the sample standard deviation (n - 1 in the denominator)
   * @param n the (effective) sample size; the interval is undefined below 2
   * @param level the confidence level
   * @return the interval
   */
  public static Interval tInterval(double mean, double standardDeviation, double n, double level) {
    Checks.level(level);
    if (!(n >= 2) || Double.isNaN(standardDeviation)) {
      return Interval.UNDEFINED;
    }
    double half = StudentT.critical(level, n - 1) * standardDeviation / Math.sqrt(n);
    return Interval.around(mean, half);
  }

  /**
   * Welch's t test of {@code mean1 - mean2}: {@code t = d / sqrt(v1/n1 + v2/n2)}, the
   * Welch-Satterthwaite degrees of freedom, the two-sided p-value and the interval
   * {@code d ± t_crit(df) · se}.
   *
   * @param mean1 first mean
   * @param variance1 first sample variance
   * @param n1 first (effective) sample size
   * @param mean2 second mean
   * @param variance2 second sample variance
   * @param n2 second (effective) sample size
   * @param level the confidence level
   * @return the comparison; NaN figures when a sample has fewer than 2 responses (no variance
   *     can be estimated); when both samples are constant, t is 0 and p 1 for equal means, t
   *     infinite and p 0 otherwise, with n1 + n2 - 2 degrees of freedom
   */
  public static Difference welch(double mean1, double variance1, double n1, double mean2,
      double variance2, double n2, double level) {
    Checks.level(level);
    double d = mean1 - mean2;
    if (!(n1 >= 2 && n2 >= 2) || Double.isNaN(variance1) || Double.isNaN(variance2)) {
      return new Difference(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Interval.UNDEFINED, level);
    }
    double a = variance1 / n1;
    double b = variance2 / n2;
    double se = Math.sqrt(a + b);
    if (se == 0) {
      // Both samples constant: equal constants are no evidence of a difference (t 0, p 1),
      // different ones certain evidence (t infinite, p 0). The Welch-Satterthwaite formula is
      // 0/0 here; the pooled degrees of freedom n1 + n2 - 2 stand in.
      double t = d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
      return new Difference(d, 0, t, n1 + n2 - 2, d == 0 ? 1 : 0, new Interval(d, d), level);
    }
    double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    double t = d / se;
    double p = Math.min(1, 2 * StudentT.cdf(-Math.abs(t), df));
    return new Difference(d, se, t, df, p,
        Interval.around(d, StudentT.critical(level, df) * se), level);
  }
}
