package io.github.cxkpi.csat;

import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.scale.RatingResult;
import io.github.cxkpi.scale.RatingStats;
import io.github.cxkpi.stats.Interval;
import java.util.Objects;

/**
 * A CSAT and everything needed to judge it. Immutable. Shares are on 0..1 (multiply by 100 for
 * a percentage); when weighted, shares and the mean are weighted and intervals use Kish's
 * effective sample size.
 *
 * @param definition the definition it was computed under
 * @param stats the statistics of the answers
 * @since 0.1.0
 */
public record CsatResult(CsatDefinition definition, RatingStats stats) implements RatingResult {

  /**
   * Checks that the statistics are on the definition's scale.
   *
   * @param definition the definition it was computed under
   * @param stats the statistics of the answers
   */
  public CsatResult {
    Objects.requireNonNull(definition, "definition is null");
    Objects.requireNonNull(stats, "stats is null");
    if (stats.scaleMin() != definition.scaleMin() || stats.scaleMax() != definition.scaleMax()) {
      throw new IllegalArgumentException("statistics on " + stats.scaleMin() + ".."
          + stats.scaleMax() + " do not match the definition's scale");
    }
  }

  /**
   * The satisfied share (top boxes), 0..1.
   *
   * @return the share, NaN when there are no answers
   */
  public double satisfiedShare() {
    return stats.share(definition.satisfiedMin(), definition.scaleMax());
  }

  /**
   * The Wilson interval of the satisfied share.
   *
   * @param level the confidence level
   * @return the interval on 0..1
   */
  public Interval satisfiedInterval(double level) {
    return stats.shareInterval(definition.satisfiedMin(), definition.scaleMax(), level);
  }

  /**
   * The share of the bottom N answers, N being the number of top boxes.
   *
   * @return the share
   */
  public double dissatisfiedShare() {
    return stats.share(definition.scaleMin(), definition.scaleMin() + definition.topBoxes() - 1);
  }

  /**
   * The net score: top N share minus bottom N share, -1..1.
   *
   * @return the net score
   */
  public double net() {
    return satisfiedShare() - dissatisfiedShare();
  }

  /**
   * The mean rescaled to 0..1.
   *
   * @return the normalized mean
   */
  public double normalizedMean() {
    return stats.normalizedMean();
  }

  /**
   * Compares with a baseline ({@code this - baseline}): the satisfied shares (pooled z test,
   * Newcombe's interval) and the means (Welch's t test).
   *
   * @param baseline a result of the same scale
   * @param level the confidence level
   * @return the comparison
   */
  public RatingComparison compare(CsatResult baseline, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    return stats.compare(baseline.stats, definition.satisfiedMin(), definition.scaleMax(), level);
  }

  /**
   * A line a person reads: the satisfied share in percent with its 95 % Wilson interval, the
   * mean with its t interval and n, e.g. {@code CSAT 78.0% [71.8%, 83.1%], mean 4.05 [3.91,
   * 4.19] n=200}, flagged when the sample is small.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (respondents() == 0) {
      return "CSAT undefined n=0";
    }
    Interval share = satisfiedInterval(0.95).scaled(100);
    Interval mean = meanInterval(0.95);
    return String.format(java.util.Locale.ROOT, "CSAT %.1f%% [%.1f%%, %.1f%%], mean %.2f [%.2f, "
        + "%.2f] n=%d%s", 100 * satisfiedShare(), share.lower(), share.upper(), mean(),
        mean.lower(), mean.upper(), respondents(), isSmallSample() ? " (small sample)" : "");
  }
}
