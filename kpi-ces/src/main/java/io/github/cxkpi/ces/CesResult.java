package io.github.cxkpi.ces;

import io.github.cxkpi.scale.Direction;
import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.scale.RatingResult;
import io.github.cxkpi.scale.RatingStats;
import io.github.cxkpi.stats.Interval;
import java.util.Objects;

/**
 * A CES and everything needed to judge it. Immutable. Shares are on 0..1; when weighted,
 * shares and the mean are weighted and intervals use Kish's effective sample size.
 *
 * @param definition the definition it was computed under
 * @param stats the statistics of the answers
 * @since 0.1.0
 */
public record CesResult(CesDefinition definition, RatingStats stats) implements RatingResult {

  /**
   * Checks that the statistics are on the definition's scale.
   *
   * @param definition the definition it was computed under
   * @param stats the statistics of the answers
   */
  public CesResult {
    Objects.requireNonNull(definition, "definition is null");
    Objects.requireNonNull(stats, "stats is null");
    if (stats.scaleMin() != definition.scaleMin() || stats.scaleMax() != definition.scaleMax()) {
      throw new IllegalArgumentException("statistics on " + stats.scaleMin() + ".."
          + stats.scaleMax() + " do not match the definition's scale");
    }
  }

  /**
   * Which end of the scale is good.
   *
   * @return the direction
   */
  public Direction direction() {
    return definition.direction();
  }

  /**
   * The share of easy answers (5-7 in CES 2.0, low effort 1-2 in CES 1.0), 0..1.
   *
   * @return the share
   */
  public double easyShare() {
    return stats.share(definition.easyFrom(), definition.easyTo());
  }

  /**
   * The Wilson interval of the easy share.
   *
   * @param level the confidence level
   * @return the interval on 0..1
   */
  public Interval easyInterval(double level) {
    return stats.shareInterval(definition.easyFrom(), definition.easyTo(), level);
  }

  /**
   * The share of difficult answers (1-3 in CES 2.0, high effort 4-5 in CES 1.0).
   *
   * @return the share
   */
  public double difficultShare() {
    return stats.share(definition.difficultFrom(), definition.difficultTo());
  }

  /**
   * Net easy: easy share minus difficult share, -1..1.
   *
   * @return the net easy score
   */
  public double netEasy() {
    return easyShare() - difficultShare();
  }

  /**
   * Compares with a baseline, oriented so that a <b>positive change means better</b> (easier)
   * whatever the version: the easy shares ({@code this - baseline}: pooled z test, Newcombe's
   * interval) and the means (Welch's t test; for CES 1.0, where lower is better, the mean's
   * difference is {@code baseline - this}).
   *
   * @param baseline a result of the same definition
   * @param level the confidence level
   * @return the comparison
   */
  public RatingComparison compare(CesResult baseline, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    RatingComparison raw =
        stats.compare(baseline.stats, definition.easyFrom(), definition.easyTo(), level);
    return direction() == Direction.HIGHER_IS_BETTER ? raw
        : new RatingComparison(raw.share(), raw.mean().negated());
  }

  /**
   * A line a person reads: the mean effort with its 95 % t interval, the easy share and n, e.g.
   * {@code CES 5.13 [4.63, 5.64], easy 66.7% n=15}, flagged when the sample is small.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (respondents() == 0) {
      return "CES undefined n=0";
    }
    Interval mean = meanInterval(0.95);
    return String.format(java.util.Locale.ROOT, "CES %.2f [%.2f, %.2f], easy %.1f%% n=%d%s",
        mean(), mean.lower(), mean.upper(), 100 * easyShare(), respondents(),
        isSmallSample() ? " (small sample)" : "");
  }
}
