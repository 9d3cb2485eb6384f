package io.github.cxkpi.fcr;

import io.github.cxkpi.scale.RatingResult;
import io.github.cxkpi.scale.RatingStats;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import java.util.Objects;

/**
 * Survey-based FCR: the share of "yes". Immutable.
 *
 * @param definition the definition
 * @param stats the statistics of the answers (0 = no, 1 = yes)
 * @since 0.1.0
 */
public record SurveyFcrResult(SurveyFcrDefinition definition, RatingStats stats) implements RatingResult {

  /**
   * Checks the fields.
   *
   * @param definition the definition
   * @param stats the statistics of the answers (0 = no, 1 = yes)
   */
  public SurveyFcrResult {
    Objects.requireNonNull(definition, "definition is null");
    Objects.requireNonNull(stats, "stats is null");
  }

  /**
   * FCR: yes / answered.
   *
   * @return the share, NaN without answers
   */
  public double fcr() {
    return stats.share(1, 1);
  }

  /**
   * The Wilson interval of {@link #fcr()}.
   *
   * @param level the confidence level
   * @return the interval
   */
  public Interval fcrInterval(double level) {
    return stats.shareInterval(1, 1, level);
  }

  /**
   * Compares with a baseline ({@code this - baseline}): pooled z test, Newcombe's interval.
   *
   * @param baseline the baseline
   * @param level the confidence level
   * @return the difference of the shares
   */
  public Difference compare(SurveyFcrResult baseline, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    return stats.compare(baseline.stats, 1, 1, level).share();
  }

  /**
   * A line a person reads: the FCR share in percent with its 95 % Wilson interval and n, e.g.
   * {@code FCR 66.7% [20.8%, 93.9%] n=3 (small sample)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (respondents() == 0) {
      return "FCR undefined n=0";
    }
    Interval ci = fcrInterval(0.95).scaled(100);
    return String.format(java.util.Locale.ROOT, "FCR %.1f%% [%.1f%%, %.1f%%] n=%d%s", 100 * fcr(),
        ci.lower(), ci.upper(), respondents(), isSmallSample() ? " (small sample)" : "");
  }
}
