package io.github.cxkpi.scale;

import org.jspecify.annotations.Nullable;

/**
 * What a rating KPI (NPS, CSAT, CES...) is, as its aggregator needs to know it: the question
 * whose responses it consumes, the scale, the policies, and how its parameters are written in
 * the binary format. Implementations are immutable value types (records) whose {@code equals}
 * decides whether two aggregators may merge.
 *
 * @since 0.1.0
 */
public interface RatingDefinition {
  /**
   * The KPI's id in the registry, e.g. "nps".
   *
   * @return the id
   */
  String kpiId();

  /**
   * The id of the survey question whose responses this KPI consumes.
   *
   * @return the question id
   */
  String question();

  /**
   * Checks a definition's question id as every definition does: not blank, well-formed Unicode,
   * at most 4096 UTF-8 bytes (so that the definition's bytes can always be written and read
   * back unchanged).
   *
   * @param question the question id
   * @return the question id
   * @throws NullPointerException when it is null
   * @throws IllegalArgumentException when it breaks a rule, naming the value and the rule
   */
  static String checkQuestion(@Nullable String question) {
    return io.github.cxkpi.internal.Checks.notBlank(question, "question");
  }

  /**
   * The lowest point of the scale.
   *
   * @return the lowest point
   */
  int scaleMin();

  /**
   * The highest point of the scale.
   *
   * @return the highest point
   */
  int scaleMax();

  /**
   * Whether blank answers count in the denominator.
   *
   * @return the policy
   */
  BlankPolicy blankPolicy();

  /**
   * What to do with answers off the scale.
   *
   * @return the policy
   */
  OutOfRangePolicy outOfRangePolicy();

  /**
   * Results with fewer respondents than this are flagged as small samples.
   *
   * @return the threshold, {@code >= 0}
   */
  int smallSampleThreshold();
}
