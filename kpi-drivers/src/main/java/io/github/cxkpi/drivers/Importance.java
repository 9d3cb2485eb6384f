package io.github.cxkpi.drivers;

import io.github.cxkpi.stats.Interval;
import java.util.Objects;

/**
 * How much a factor drives the outcome.
 *
 * @param correlation its (weighted Pearson) correlation with the outcome
 * @param correlationInterval the Fisher-z interval of the correlation,
 *     {@code tanh(atanh(r) ± z / sqrt(n_eff - 3))}; undefined when {@code n_eff <= 3}
 * @param beta its standardized regression weight in the regression of the outcome on all
 *     factors
 * @param relativeWeight its raw relative weight (Johnson, 2000): its part of R^2; the weights of
 *     all factors sum to R^2
 * @param share its relative weight as a share of R^2 (0 to 1; all sum to 1)
 * @param rank its rank by relative weight, 1 for the most important
 * @param quadrant its place on the importance-performance map
 * @since 0.1.0
 */
public record Importance(double correlation, Interval correlationInterval, double beta,
    double relativeWeight, double share, int rank, Quadrant quadrant) {
  /**
   * Checks the fields.
   *
   * @param correlation its (weighted Pearson) correlation with the outcome
   * @param correlationInterval the Fisher-z interval of the correlation
   * @param beta its standardized regression weight
   * @param relativeWeight its raw relative weight (Johnson, 2000)
   * @param share its relative weight as a share of R^2
   * @param rank its rank by relative weight, 1 for the most important
   * @param quadrant its place on the importance-performance map
   */
  public Importance {
    Objects.requireNonNull(correlationInterval, "correlationInterval is null");
    Objects.requireNonNull(quadrant, "quadrant is null");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, was " + rank);
    }
  }
}
