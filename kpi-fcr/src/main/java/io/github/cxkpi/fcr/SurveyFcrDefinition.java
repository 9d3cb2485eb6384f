package io.github.cxkpi.fcr;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingDefinition;
import java.util.Objects;

/**
 * Survey-based FCR: "Was your issue resolved in this contact?", answered 1 (yes) or 0 (no).
 * Blank answers are counted but never in the denominator.
 *
 * @param question the question id (default "fcr")
 * @param outOfRangePolicy what to do with answers other than 0 and 1 (default: throw)
 * @param smallSampleThreshold results with fewer answers are flagged (default 30)
 * @since 0.1.0
 */
public record SurveyFcrDefinition(
    String question, OutOfRangePolicy outOfRangePolicy, int smallSampleThreshold)
    implements RatingDefinition {

  /**
   * Validates the fields.
   *
   * @param question the question id (default "fcr")
   * @param outOfRangePolicy what to do with answers other than 0 and 1 (default: throw)
   * @param smallSampleThreshold results with fewer answers are flagged (default 30)
   */
  public SurveyFcrDefinition {
    RatingDefinition.checkQuestion(question);
    Objects.requireNonNull(outOfRangePolicy, "outOfRangePolicy is null");
    if (smallSampleThreshold < 0) {
      throw new IllegalArgumentException(
          "smallSampleThreshold must be >= 0, was " + smallSampleThreshold);
    }
  }

  /**
   * This definition for another question.
   *
   * @param question the question id
   * @return the new definition
   */
  public SurveyFcrDefinition withQuestion(String question) {
    return new SurveyFcrDefinition(question, outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with another policy for answers other than 0 and 1.
   *
   * @param policy the policy
   * @return the new definition
   */
  public SurveyFcrDefinition withOutOfRangePolicy(OutOfRangePolicy policy) {
    return new SurveyFcrDefinition(question, policy, smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer answers are flagged
   * @return the new definition
   */
  public SurveyFcrDefinition withSmallSampleThreshold(int threshold) {
    return new SurveyFcrDefinition(question, outOfRangePolicy, threshold);
  }

  @Override
  public String kpiId() {
    return Fcr.SURVEY_ID;
  }

  /** {@inheritDoc} 0, "no". */
  @Override
  public int scaleMin() {
    return 0;
  }

  /** {@inheritDoc} 1, "yes". */
  @Override
  public int scaleMax() {
    return 1;
  }

  @Override
  public BlankPolicy blankPolicy() {
    return BlankPolicy.EXCLUDE;
  }

}
