package io.github.cxkpi.nps;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingDefinition;
import io.github.cxkpi.scale.ScaleHistogram;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an NPS is: the question, the scale, the breaks, and the policies. Immutable; change it
 * with the {@code with...} methods, starting from {@link Nps#definition()}.
 *
 * @param question the question id whose responses count (default "nps")
 * @param scaleMin the lowest answer (0, or 1 for a 1-10 survey)
 * @param scaleMax the highest answer (10)
 * @param passiveMin the lowest passive answer (7): below it, detractors
 * @param promoterMin the lowest promoter answer (9)
 * @param blankPolicy whether blank answers count in the denominator (default no)
 * @param outOfRangePolicy what to do with answers off the scale (default: throw)
 * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
 * @since 0.1.0
 */
public record NpsDefinition(
    String question,
    int scaleMin,
    int scaleMax,
    int passiveMin,
    int promoterMin,
    BlankPolicy blankPolicy,
    OutOfRangePolicy outOfRangePolicy,
    int smallSampleThreshold)
    implements RatingDefinition {

  /** The default definition: 0-10, passives 7-8, promoters 9-10, blanks excluded, n < 30 flagged. */
  static final NpsDefinition DEFAULT = new NpsDefinition(
      "nps", 0, 10, 7, 9, BlankPolicy.EXCLUDE, OutOfRangePolicy.REJECT, 30);

  /**
   * Validates the definition: {@code scaleMin < passiveMin <= promoterMin <= scaleMax}.
   *
   * @param question the question id whose responses count (default "nps")
   * @param scaleMin the lowest answer (0, or 1 for a 1-10 survey)
   * @param scaleMax the highest answer (10)
   * @param passiveMin the lowest passive answer (7): below it, detractors
   * @param promoterMin the lowest promoter answer (9)
   * @param blankPolicy whether blank answers count in the denominator (default no)
   * @param outOfRangePolicy what to do with answers off the scale (default: throw)
   * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
   */
  public NpsDefinition {
    RatingDefinition.checkQuestion(question);
    Objects.requireNonNull(blankPolicy, "blankPolicy is null");
    Objects.requireNonNull(outOfRangePolicy, "outOfRangePolicy is null");
    if ((long) scaleMax - scaleMin + 1 > ScaleHistogram.MAX_POINTS) {
      throw new IllegalArgumentException(
          "NPS scale must have at most " + ScaleHistogram.MAX_POINTS + " points, was "
              + scaleMin + ".." + scaleMax);
    }
    if (!(scaleMin < passiveMin && passiveMin <= promoterMin && promoterMin <= scaleMax)) {
      throw new IllegalArgumentException(
          "NPS breaks must satisfy scaleMin < passiveMin <= promoterMin <= scaleMax, was scale "
              + scaleMin + ".." + scaleMax + ", passives from " + passiveMin
              + ", promoters from " + promoterMin);
    }
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
  public NpsDefinition withQuestion(String question) {
    return new NpsDefinition(question, scaleMin, scaleMax, passiveMin, promoterMin, blankPolicy,
        outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition on another scale with the same breaks (e.g. 1-10).
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @return the new definition
   */
  public NpsDefinition withScale(int min, int max) {
    return new NpsDefinition(question, min, max, passiveMin, promoterMin, blankPolicy,
        outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with other breaks.
   *
   * @param passiveMin the lowest passive answer
   * @param promoterMin the lowest promoter answer
   * @return the new definition
   */
  public NpsDefinition withBreaks(int passiveMin, int promoterMin) {
    return new NpsDefinition(question, scaleMin, scaleMax, passiveMin, promoterMin, blankPolicy,
        outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with another blank policy.
   *
   * @param policy the policy
   * @return the new definition
   */
  public NpsDefinition withBlankPolicy(BlankPolicy policy) {
    return new NpsDefinition(question, scaleMin, scaleMax, passiveMin, promoterMin, policy,
        outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with another policy for off-scale answers.
   *
   * @param policy the policy
   * @return the new definition
   */
  public NpsDefinition withOutOfRangePolicy(OutOfRangePolicy policy) {
    return new NpsDefinition(question, scaleMin, scaleMax, passiveMin, promoterMin, blankPolicy,
        policy, smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer respondents are flagged
   * @return the new definition
   */
  public NpsDefinition withSmallSampleThreshold(int threshold) {
    return new NpsDefinition(question, scaleMin, scaleMax, passiveMin, promoterMin, blankPolicy,
        outOfRangePolicy, threshold);
  }

  @Override
  public String kpiId() {
    return Nps.ID;
  }

  /**
   * Equal when every component is.
   *
   * @param o another object
   * @return whether it is the same definition
   */
  @Override
  public boolean equals(@Nullable Object o) {
    // Written out, not the record's generated method: that one is bound through method handles
    // on first use, which spins hidden classes and costs a short-lived CLI measurable start-up.
    return o instanceof NpsDefinition d && question.equals(d.question) && scaleMin == d.scaleMin
        && scaleMax == d.scaleMax && passiveMin == d.passiveMin && promoterMin == d.promoterMin
        && blankPolicy == d.blankPolicy && outOfRangePolicy == d.outOfRangePolicy
        && smallSampleThreshold == d.smallSampleThreshold;
  }

  /**
   * A hash of every component.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int h = question.hashCode();
    h = 31 * h + scaleMin;
    h = 31 * h + scaleMax;
    h = 31 * h + passiveMin;
    h = 31 * h + promoterMin;
    h = 31 * h + blankPolicy.hashCode();
    h = 31 * h + outOfRangePolicy.hashCode();
    h = 31 * h + smallSampleThreshold;
    return h;
  }
}
