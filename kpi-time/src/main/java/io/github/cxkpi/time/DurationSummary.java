package io.github.cxkpi.time;

import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Means;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DurationHistogram} says about its durations, in seconds: the count, the mean
 * with its t interval and the standard deviation (exact up to the final division), the exact
 * minimum and maximum, quantiles with distribution-free intervals, and service levels.
 *
 * @param n how many durations
 * @param mean the mean, in seconds (NaN when empty)
 * @param standardDeviation the sample standard deviation (n - 1), in seconds (NaN below 2)
 * @param meanInterval the t interval of the mean (undefined below 2)
 * @param min the smallest duration, in seconds (NaN when empty)
 * @param max the largest duration, in seconds (NaN when empty)
 * @param quantiles the quantiles asked for, in the order asked
 * @param serviceLevels the share within each target, in the targets' order
 * @param level the confidence level of every interval
 * @param relativeAccuracy the relative accuracy of the quantiles
 * @since 0.1.0
 */
public record DurationSummary(long n, double mean, double standardDeviation,
    Interval meanInterval, double min, double max, List<QuantileEstimate> quantiles,
    List<ServiceLevel> serviceLevels, double level, double relativeAccuracy) {
  /**
   * Checks the fields and copies the lists.
   *
   * @param n how many durations
   * @param mean the mean, in seconds (NaN when empty)
   * @param standardDeviation the sample standard deviation (n - 1), in seconds (NaN below 2)
   * @param meanInterval the t interval of the mean (undefined below 2)
   * @param min the smallest duration, in seconds (NaN when empty)
   * @param max the largest duration, in seconds (NaN when empty)
   * @param quantiles the quantiles asked for, in the order asked
   * @param serviceLevels the share within each target, in the targets' order
   * @param level the confidence level of every interval
   * @param relativeAccuracy the relative accuracy of the quantiles
   */
  public DurationSummary {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    Objects.requireNonNull(meanInterval, "meanInterval is null");
    quantiles = List.copyOf(quantiles);
    serviceLevels = List.copyOf(serviceLevels);
  }

  /**
   * The estimate of one quantile reported here.
   *
   * @param q the quantile
   * @return the estimate
   * @throws IllegalArgumentException when q was not asked for
   */
  public QuantileEstimate quantile(double q) {
    for (QuantileEstimate e : quantiles) {
      if (e.q() == q) {
        return e;
      }
    }
    throw new IllegalArgumentException("quantile " + q + " was not asked for; reported: "
        + quantiles.stream().map(QuantileEstimate::label).toList());
  }

  /**
   * The median, when it was asked for (it is by default).
   *
   * @return the median's estimate
   * @throws IllegalArgumentException when 0.5 was not asked for
   */
  public QuantileEstimate median() {
    return quantile(0.5);
  }

  /**
   * The service level of one target.
   *
   * @param target the target
   * @return its level
   * @throws IllegalArgumentException when the duration is not a target (its count would be an
   *     estimate; targets are counted exactly)
   */
  public ServiceLevel serviceLevel(Duration target) {
    for (ServiceLevel s : serviceLevels) {
      if (s.target().equals(target)) {
        return s;
      }
    }
    throw new IllegalArgumentException("duration " + target + " is not a target; targets: "
        + serviceLevels.stream().map(ServiceLevel::target).toList());
  }

  /**
   * Compares the mean with another's ({@code this - other}) by Welch's t test.
   *
   * @param other the baseline
   * @param level the confidence level
   * @return the difference, in seconds
   */
  public Difference compareMeans(DurationSummary other, double level) {
    return Means.welch(mean, standardDeviation * standardDeviation, n, other.mean,
        other.standardDeviation * other.standardDeviation, other.n, level);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("n=").append(n);
    if (n > 0) {
      b.append(" mean ").append(DurationHistogram.seconds(mean)).append(" [")
          .append(DurationHistogram.trim(meanInterval.lower())).append(", ")
          .append(DurationHistogram.trim(meanInterval.upper())).append("]");
      for (QuantileEstimate q : quantiles) {
        b.append(' ').append(q);
      }
      b.append(" min ").append(DurationHistogram.seconds(min)).append(" max ")
          .append(DurationHistogram.seconds(max));
    }
    for (ServiceLevel s : serviceLevels) {
      b.append(", ").append(s);
    }
    return b.toString();
  }
}
