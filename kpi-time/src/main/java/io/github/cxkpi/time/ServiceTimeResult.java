package io.github.cxkpi.time;

import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;
import java.time.Duration;
import java.util.Objects;

/**
 * A service-time KPI's result: the durations' summary and, for cases, the share the source
 * system flagged as within its SLA (counted exactly over the events that carry the flag).
 *
 * @param measure the measure
 * @param durations the durations' summary, in seconds
 * @param slaFlagged how many accepted events carried an SLA flag
 * @param slaMet how many of them were flagged within the SLA
 * @param slaInterval the Wilson interval of {@code slaMet / slaFlagged}
 * @param smallSample whether n is below the definition's threshold
 * @since 0.1.0
 */
public record ServiceTimeResult(ServiceTimeMeasure measure, DurationSummary durations,
    long slaFlagged, long slaMet, Interval slaInterval, boolean smallSample) {
  /**
   * Checks the fields.
   *
   * @param measure the measure
   * @param durations the durations' summary, in seconds
   * @param slaFlagged how many accepted events carried an SLA flag
   * @param slaMet how many of them were flagged within the SLA
   * @param slaInterval the Wilson interval of {@code slaMet / slaFlagged}
   * @param smallSample whether n is below the definition's threshold
   */
  public ServiceTimeResult {
    Objects.requireNonNull(measure, "measure is null");
    Objects.requireNonNull(durations, "durations is null");
    Objects.requireNonNull(slaInterval, "slaInterval is null");
    if (slaMet < 0 || slaMet > slaFlagged) {
      throw new IllegalArgumentException("slaMet must be in 0..slaFlagged = " + slaFlagged
          + ", was " + slaMet);
    }
  }

  static ServiceTimeResult of(ServiceTimeMeasure measure, DurationSummary durations,
      long flagged, long met, long smallBelow) {
    return new ServiceTimeResult(measure, durations, flagged, met,
        Proportions.wilson(met, flagged, durations.level()), durations.n() < smallBelow);
  }

  /**
   * How many durations.
   *
   * @return the count
   */
  public long n() {
    return durations.n();
  }

  /**
   * The mean, in seconds.
   *
   * @return the mean
   */
  public double meanSeconds() {
    return durations.mean();
  }

  /**
   * The share flagged within the SLA; NaN when no event carried the flag.
   *
   * @return the share
   */
  public double slaShare() {
    return slaFlagged == 0 ? Double.NaN : (double) slaMet / slaFlagged;
  }

  /**
   * The service level at one of the definition's targets.
   *
   * @param target the target
   * @return the level
   * @throws IllegalArgumentException when it is not a target
   */
  public ServiceLevel serviceLevel(Duration target) {
    return durations.serviceLevel(target);
  }

  /**
   * Compares the mean with a baseline's ({@code this - baseline}, seconds) by Welch's t test.
   * Quantiles are not compared by a test (see the package description).
   *
   * @param baseline the baseline
   * @param level the confidence level
   * @return the difference
   */
  public Difference compareMeans(ServiceTimeResult baseline, double level) {
    return durations.compareMeans(baseline.durations, level);
  }

  /**
   * Compares the service level at a target with a baseline's by the two-proportion z test.
   *
   * @param baseline the baseline
   * @param target a target of both
   * @param level the confidence level
   * @return the difference of the shares
   */
  public Difference compareServiceLevel(ServiceTimeResult baseline, Duration target,
      double level) {
    return serviceLevel(target).compare(baseline.serviceLevel(target), level);
  }

  @Override
  public String toString() {
    String s = measure + " " + durations;
    if (slaFlagged > 0) {
      s += ", SLA met " + DurationHistogram.trim(100 * slaShare()) + " % ["
          + DurationHistogram.trim(100 * slaInterval.lower()) + ", "
          + DurationHistogram.trim(100 * slaInterval.upper()) + "] (" + slaMet + "/"
          + slaFlagged + ")";
    }
    return smallSample ? s + " (small sample)" : s;
  }
}
