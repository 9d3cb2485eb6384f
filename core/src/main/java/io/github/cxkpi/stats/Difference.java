package io.github.cxkpi.stats;

/**
 * The comparison of two estimates (two periods, two segments): {@code A - B}, with a two-sided
 * test of "no difference" and a confidence interval of the difference.
 *
 * @param estimate the difference {@code A - B}
 * @param standardError its standard error
 * @param statistic the test statistic: z, or Welch's t
 * @param degreesOfFreedom the t test's degrees of freedom; {@code +∞} for a z test
 * @param pValue the two-sided p-value
 * @param interval the confidence interval of the difference
 * @param level the confidence level of the interval
 * @since 0.1.0
 */
public record Difference(
    double estimate,
    double standardError,
    double statistic,
    double degreesOfFreedom,
    double pValue,
    Interval interval,
    double level) {

  /**
   * Whether the difference is significant at the interval's level ({@code p < 1 - level}).
   *
   * @return {@code true} when significant
   */
  public boolean isSignificant() {
    return pValue < 1 - level;
  }

  /**
   * The same comparison the other way round ({@code B - A}): estimate, statistic and interval
   * negated; standard error and p-value unchanged.
   *
   * @return the negated difference
   */
  public Difference negated() {
    return new Difference(-estimate, standardError, -statistic, degreesOfFreedom, pValue,
        new Interval(-interval.upper(), -interval.lower()), level);
  }

  /**
   * This difference with its estimate, standard error and interval multiplied by a positive
   * factor (e.g. 100 to report NPS points); the statistic and p-value do not change.
   *
   * @param factor the factor, {@code > 0}
   * @return the scaled difference
   */
  public Difference scaled(double factor) {
    return new Difference(estimate * factor, standardError * factor, statistic,
        degreesOfFreedom, pValue, interval.scaled(factor), level);
  }
}
