package io.github.cxkpi.drivers;

/**
 * Whether a driver analysis could estimate the importance of the factors, and if not, why.
 *
 * @since 0.1.0
 */
public enum DriverStatus {
  /** Importance estimated. */
  OK,
  /** No complete respondent. */
  NO_DATA,
  /** No more complete respondents than k + 1: a regression on k factors needs n &gt; k + 1. */
  TOO_FEW_RESPONDENTS,
  /** Every complete respondent gave the outcome the same score: nothing to explain. */
  CONSTANT_OUTCOME,
  /** A factor has the same score for every complete respondent: it has no correlation. */
  CONSTANT_FACTOR,
  /**
   * The factors are (nearly) collinear: the smallest eigenvalue of their correlation matrix is
   * below {@link DriverResult#COLLINEARITY_TOLERANCE}, so their separate effects cannot be told
   * apart.
   */
  COLLINEAR
}
