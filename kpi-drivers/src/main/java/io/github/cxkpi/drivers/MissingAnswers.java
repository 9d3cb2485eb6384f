package io.github.cxkpi.drivers;

/**
 * Which respondents' answers a driver analysis uses when some are missing (blank, off the
 * scale, or never given).
 *
 * @since 0.1.0
 */
public enum MissingAnswers {
  /**
   * Complete cases (the default): only respondents who answered the outcome and every factor;
   * the others are counted incomplete. One sample for every figure, so the correlation matrix is
   * always a proper one.
   */
  COMPLETE_CASES,
  /**
   * Pairwise deletion: each mean uses every respondent who answered its question, each
   * correlation every respondent who answered both of its questions (partial respondents count
   * once the input ends). Uses more of the data, but the figures rest on different samples and
   * the correlation matrix may not be positive definite (then the analysis reports
   * {@link DriverStatus#COLLINEAR}).
   */
  PAIRWISE
}
