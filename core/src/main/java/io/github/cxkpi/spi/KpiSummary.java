package io.github.cxkpi.spi;

import io.github.cxkpi.stats.Interval;
import java.util.List;
import java.util.Locale;
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
 * @param details secondary figures (quantiles, service levels, driver weights), in the order a
 *     report shows them; empty for KPIs with a headline only
 * @since 0.1.0
 */
public record KpiSummary(String kpiId, long n, double value, Interval interval, double level,
    boolean smallSample, List<KpiDetail> details) {
  /**
   * Checks the fields.
   *
   * @param kpiId the KPI's id
   * @param n the number of observations (respondents, episodes)
   * @param value the headline value (NPS in -100..100, a share in 0..1, a mean on the scale)
   * @param interval its confidence interval
   * @param level the interval's confidence level
   * @param smallSample whether n is below the KPI's reporting threshold
   * @param details secondary figures, in the order a report shows them
   */
  public KpiSummary {
    Objects.requireNonNull(kpiId, "kpiId is null");
    Objects.requireNonNull(interval, "interval is null");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    details = List.copyOf(details);
  }

  /**
   * A headline without details.
   *
   * @param kpiId the KPI's id
   * @param n the number of observations (respondents, episodes)
   * @param value the headline value (NPS in -100..100, a share in 0..1, a mean on the scale)
   * @param interval its confidence interval
   * @param level the interval's confidence level
   * @param smallSample whether n is below the KPI's reporting threshold
   */
  public KpiSummary(
      String kpiId, long n, double value, Interval interval, double level, boolean smallSample) {
    this(kpiId, n, value, interval, level, smallSample, List.of());
  }

  /** Reads as {@code nps 53.4 [52.0, 54.8] n=13612}, then the details, if any. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(kpiId).append(' ')
        .append(String.format(Locale.ROOT, "%.4g", value));
    if (interval.isDefined()) {
      b.append(String.format(Locale.ROOT, " [%.4g, %.4g]", interval.lower(), interval.upper()));
    }
    b.append(" n=").append(n).append(smallSample ? " (small sample)" : "");
    for (KpiDetail d : details) {
      b.append("; ").append(d);
    }
    return b.toString();
  }
}
