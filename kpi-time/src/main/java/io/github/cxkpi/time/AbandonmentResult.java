package io.github.cxkpi.time;

import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;
import java.time.Duration;
import java.util.Objects;

/**
 * The abandonment rate: contacts abandoned before an agent answered, over the contacts offered
 * to the queue, with short abandons (abandoned within the threshold) left out of both.
 *
 * @param offered contacts offered (answered or abandoned), short abandons excluded
 * @param abandoned contacts abandoned, short abandons excluded
 * @param shortAbandons the short abandons left out
 * @param shortAbandonThreshold the threshold: an abandon with a wait below it is short
 *     ({@link Duration#ZERO}: none is)
 * @param interval the Wilson interval of the rate
 * @param level its confidence level
 * @since 0.1.0
 */
public record AbandonmentResult(long offered, long abandoned, long shortAbandons,
    Duration shortAbandonThreshold, Interval interval, double level) {
  /**
   * Checks the fields.
   *
   * @param offered contacts offered, short abandons excluded
   * @param abandoned contacts abandoned, short abandons excluded
   * @param shortAbandons the short abandons left out
   * @param shortAbandonThreshold the threshold
   * @param interval the Wilson interval of the rate
   * @param level its confidence level
   */
  public AbandonmentResult {
    Objects.requireNonNull(shortAbandonThreshold, "shortAbandonThreshold is null");
    Objects.requireNonNull(interval, "interval is null");
    if (abandoned < 0 || abandoned > offered || shortAbandons < 0) {
      throw new IllegalArgumentException("counts must satisfy 0 <= abandoned <= offered and "
          + "shortAbandons >= 0, were " + abandoned + ", " + offered + ", " + shortAbandons);
    }
  }

  /**
   * The rate, in [0, 1]; NaN when nothing was offered.
   *
   * @return the rate
   */
  public double rate() {
    return offered == 0 ? Double.NaN : (double) abandoned / offered;
  }

  /**
   * Compares with a baseline's rate by the two-proportion z test ({@code this - baseline}).
   *
   * @param baseline the baseline
   * @param level the confidence level
   * @return the difference of the rates
   */
  public Difference compare(AbandonmentResult baseline, double level) {
    return Proportions.compare(offered == 0 ? 0 : rate(), offered,
        baseline.offered == 0 ? 0 : baseline.rate(), baseline.offered, level);
  }

  @Override
  public String toString() {
    return "abandonment " + DurationHistogram.trim(100 * rate()) + " % ["
        + DurationHistogram.trim(100 * interval.lower()) + ", "
        + DurationHistogram.trim(100 * interval.upper()) + "] (" + abandoned + "/" + offered
        + (shortAbandonThreshold.isZero() ? ")" : ", " + shortAbandons + " short abandons under "
        + DurationHistogram.text(shortAbandonThreshold) + " excluded)");
  }
}
