package io.github.cxkpi.scale;

import io.github.cxkpi.stats.Interval;

/**
 * What every rating result (CSAT, CES, survey FCR) reads off its {@link RatingStats}: the
 * respondents, the mean with its t interval, the spread, the effective sample size and the
 * small-sample flag. Results are records that implement it with their definition and stats.
 *
 * @since 0.1.0
 */
public interface RatingResult {
  /**
   * The definition the result was computed under.
   *
   * @return the definition
   */
  RatingDefinition definition();

  /**
   * The statistics of the answers.
   *
   * @return the statistics
   */
  RatingStats stats();

  /**
   * Answers on the scale.
   *
   * @return the count
   */
  default long respondents() {
    return stats().respondents();
  }

  /**
   * The mean answer.
   *
   * @return the mean, NaN without answers
   */
  default double mean() {
    return stats().mean();
  }

  /**
   * The sample standard deviation of the answers.
   *
   * @return the standard deviation
   */
  default double standardDeviation() {
    return stats().standardDeviation();
  }

  /**
   * The t interval of the mean.
   *
   * @param level the confidence level
   * @return the interval on the scale
   */
  default Interval meanInterval(double level) {
    return stats().meanInterval(level);
  }

  /**
   * Kish's effective sample size; the respondent count when unweighted.
   *
   * @return n_eff
   */
  default double effectiveSampleSize() {
    return stats().effectiveSampleSize();
  }

  /**
   * Whether the respondents are fewer than the definition's reporting threshold.
   *
   * @return {@code true} for a small sample
   */
  default boolean isSmallSample() {
    return respondents() < definition().smallSampleThreshold();
  }
}
