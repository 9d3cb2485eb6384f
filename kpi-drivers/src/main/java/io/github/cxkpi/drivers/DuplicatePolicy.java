package io.github.cxkpi.drivers;

/**
 * What to do with a second answer to the same question by the same respondent (while the
 * respondent is held, or when merging two aggregators that both hold one).
 *
 * @since 0.1.0
 */
public enum DuplicatePolicy {
  /** Throw an {@link IllegalArgumentException} naming the respondent and the question. */
  REJECT,
  /**
   * Keep the first answer and count the second as {@linkplain DriverResult#rejected() rejected}
   * (the registry's default, so that a scorecard never fails on repeated rows).
   */
  COUNT_AS_REJECTED
}
