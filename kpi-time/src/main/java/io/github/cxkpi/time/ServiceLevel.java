package io.github.cxkpi.time;

import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;
import java.time.Duration;
import java.util.Objects;

/**
 * The share of durations within a target (at most the target, inclusive), counted exactly as
 * each duration was recorded, with its Wilson interval.
 *
 * @param target the target
 * @param within how many durations were at most the target
 * @param n how many durations there were
 * @param interval the Wilson interval of the share
 * @param level the interval's confidence level
 * @since 0.1.0
 */
public record ServiceLevel(Duration target, long within, long n, Interval interval,
    double level) {
  /**
   * Checks the fields.
   *
   * @param target the target
   * @param within how many durations were at most the target
   * @param n how many durations there were
   * @param interval the Wilson interval of the share
   * @param level the interval's confidence level
   */
  public ServiceLevel {
    Objects.requireNonNull(target, "target is null");
    Objects.requireNonNull(interval, "interval is null");
    if (within < 0 || within > n) {
      throw new IllegalArgumentException("within must be in 0..n = " + n + ", was " + within);
    }
  }

  /**
   * The level for a count.
   *
   * @param target the target
   * @param within the count within it
   * @param n the total
   * @param level the confidence level
   * @return the service level with its Wilson interval
   */
  static ServiceLevel of(Duration target, long within, long n, double level) {
    return new ServiceLevel(target, within, n, Proportions.wilson(within, n, level), level);
  }

  /**
   * The share within the target, in [0, 1]; NaN when n is 0.
   *
   * @return the share
   */
  public double share() {
    return n == 0 ? Double.NaN : (double) within / n;
  }

  /**
   * Compares this level with another's (periods, segments) by the pooled two-proportion z test,
   * with Newcombe's interval of the difference ({@code this - other}).
   *
   * @param other the baseline
   * @param level the confidence level
   * @return the difference
   */
  public io.github.cxkpi.stats.Difference compare(ServiceLevel other, double level) {
    return Proportions.compare(n == 0 ? 0 : share(), n, other.n == 0 ? 0 : other.share(), other.n,
        level);
  }

  @Override
  public String toString() {
    return "within " + DurationHistogram.text(target) + " " + DurationHistogram.trim(
        100 * share()) + " % [" + DurationHistogram.trim(100 * interval.lower()) + ", "
        + DurationHistogram.trim(100 * interval.upper()) + "] (" + within + "/" + n + ")";
  }
}
