package io.github.cxkpi.drivers;

import io.github.cxkpi.stats.Interval;
import java.util.Objects;
import java.util.Optional;

/**
 * One factor of a driver analysis: its performance (mean) and, when the analysis could
 * estimate it ({@link DriverStatus#OK}), its importance.
 *
 * @param question the factor's question
 * @param mean its weighted mean over the complete respondents (its performance)
 * @param meanInterval the t interval of the mean, with Kish's effective sample size
 * @param normalizedMean {@code (mean - min) / (max - min)} on its scale, 0 to 1
 * @param performanceRank its rank by normalized mean, 1 for the best performing
 * @param importance its importance, empty unless the status is {@link DriverStatus#OK}
 * @since 0.1.0
 */
public record FactorDriver(RatedQuestion question, double mean, Interval meanInterval,
    double normalizedMean, int performanceRank, Optional<Importance> importance) {
  /**
   * Checks the fields.
   *
   * @param question the factor's question
   * @param mean its weighted mean over the complete respondents (its performance)
   * @param meanInterval the t interval of the mean
   * @param normalizedMean {@code (mean - min) / (max - min)} on its scale
   * @param performanceRank its rank by normalized mean, 1 for the best performing
   * @param importance its importance, empty unless the status is {@link DriverStatus#OK}
   */
  public FactorDriver {
    Objects.requireNonNull(question, "question is null");
    Objects.requireNonNull(meanInterval, "meanInterval is null");
    Objects.requireNonNull(importance, "importance is null");
  }

  /**
   * The factor's question id.
   *
   * @return the id
   */
  public String id() {
    return question.id();
  }
}
