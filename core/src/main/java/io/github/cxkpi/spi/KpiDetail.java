package io.github.cxkpi.spi;

import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.stats.Interval;
import java.util.Locale;
import java.util.Objects;

/**
 * A KPI's secondary figure beside its headline: a quantile of a service time, the share within
 * a service-level target, a driver's importance. Details sit in named groups ({@code
 * "quantile"}, {@code "service level"}, {@code "importance"}, ...); reports lay each group out
 * together, and two groups with the same names side by side (for example importance against
 * performance).
 *
 * @param group the group the figure belongs to, not blank
 * @param name the figure's name within its group (e.g. {@code "p90"}), not blank
 * @param value the figure (NaN when the data do not define it)
 * @param interval its confidence interval, {@link Interval#UNDEFINED} when it has none
 * @since 0.1.0
 */
public record KpiDetail(String group, String name, double value, Interval interval) {
  /**
   * Checks the fields.
   *
   * @param group the group the figure belongs to, not blank
   * @param name the figure's name within its group (e.g. {@code "p90"}), not blank
   * @param value the figure (NaN when the data do not define it)
   * @param interval its confidence interval, {@link Interval#UNDEFINED} when it has none
   */
  public KpiDetail {
    Checks.notBlank(group, "group");
    Checks.notBlank(name, "name");
    Objects.requireNonNull(interval, "interval is null");
  }

  /**
   * A figure without an interval.
   *
   * @param group the group, not blank
   * @param name the name, not blank
   * @param value the figure
   * @return the detail
   */
  public static KpiDetail of(String group, String name, double value) {
    return new KpiDetail(group, name, value, Interval.UNDEFINED);
  }

  /** Reads as {@code quantile p90 412.0 [398.0, 430.0]}. */
  @Override
  public String toString() {
    return group + " " + name + " " + String.format(Locale.ROOT, "%.4g", value)
        + (interval.isDefined() ? String.format(Locale.ROOT, " [%.4g, %.4g]", interval.lower(),
            interval.upper()) : "");
  }
}
