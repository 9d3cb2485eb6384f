package io.github.cxkpi.time;

import io.github.cxkpi.stats.Interval;

/**
 * A quantile of durations, in seconds: the order statistic of rank {@code ceil(q n)} (within the
 * histogram's relative accuracy), with a distribution-free confidence interval between two order
 * statistics whose ranks come from the binomial distribution {@code Bin(n, q)} (a bound is 0 or
 * {@code +∞} when too few observations lie on its side).
 *
 * @param q the quantile, in [0, 1] (0.5 the median)
 * @param seconds the estimate, in seconds (NaN when empty)
 * @param interval its confidence interval, in seconds (undefined for q 0 or 1 and when empty)
 * @param level the interval's confidence level
 * @since 0.1.0
 */
public record QuantileEstimate(double q, double seconds, Interval interval, double level) {
  /**
   * Checks the fields.
   *
   * @param q the quantile, in [0, 1] (0.5 the median)
   * @param seconds the estimate, in seconds (NaN when empty)
   * @param interval its confidence interval, in seconds
   * @param level the interval's confidence level
   */
  public QuantileEstimate {
    java.util.Objects.requireNonNull(interval, "interval is null");
    DurationHistogram.checkQuantile(q);
  }

  /**
   * A label such as {@code p50}, {@code p99.9}.
   *
   * @return the label
   */
  public String label() {
    return "p" + DurationHistogram.trim(100 * q);
  }

  @Override
  public String toString() {
    return label() + " " + DurationHistogram.seconds(seconds) + " [" + DurationHistogram.trim(
        interval.lower()) + ", " + DurationHistogram.trim(interval.upper()) + "]";
  }
}
