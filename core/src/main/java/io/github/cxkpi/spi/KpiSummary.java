package io.github.cxkpi.spi;

import io.github.cxkpi.stats.Interval;
import java.util.Objects;

/**
 * A KPI's headline figure in a form common to all KPIs.
 *
 * @param kpiId the KPI's id
 * @param n the number of observations (respondents, episodes)
 * @param value the headline value (NPS in -100..100, a share in 0..1, a mean on the scale)
 * @param interval its confidence interval
 * @param level the interval's confidence level
 * @param smallSample whether n is below the KPI's reporting threshold
 * @since 0.1.0
 */
public record KpiSummary(
    String kpiId, long n, double value, Interval interval, double level, boolean smallSample) {
  /**
   * Checks the fields.
   *
   * @param kpiId the KPI's id
   * @param n the number of observations (respondents, episodes)
   * @param value the headline value (NPS in -100..100, a share in 0..1, a mean on the scale)
   * @param interval its confidence interval
   * @param level the interval's confidence level
   * @param smallSample whether n is below the KPI's reporting threshold
   */
  public KpiSummary {
    Objects.requireNonNull(kpiId, "kpiId is null");
    Objects.requireNonNull(interval, "interval is null");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
  }
}
