package io.github.cxkpi.scale;

/**
 * Whether blank answers (the respondent skipped the question) count in the denominator.
 *
 * @since 0.1.0
 */
public enum BlankPolicy {
  /** Blank answers are counted and reported, but left out of the KPI (the default). */
  EXCLUDE,
  /**
   * Blank answers count in the denominator as neither positive nor negative (as Qualtrics and
   * CustomerGauge can do for NPS).
   */
  COUNT_IN_DENOMINATOR
}
