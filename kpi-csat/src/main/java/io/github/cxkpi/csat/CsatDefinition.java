package io.github.cxkpi.csat;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingDefinition;
import io.github.cxkpi.scale.ScaleHistogram;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a CSAT is: the question, the scale and the lowest satisfied answer. Immutable; start
 * from {@link Csat#onScale(int, int)} or {@link Csat#binary()} and adjust with the
 * {@code with...} methods.
 *
 * @param question the question id whose responses count (default "csat")
 * @param scaleMin the lowest answer
 * @param scaleMax the highest answer
 * @param satisfiedMin the lowest satisfied answer: satisfied means {@code >= satisfiedMin}
 * @param outOfRangePolicy what to do with answers off the scale (default: throw)
 * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
 * @since 0.1.0
 */
public record CsatDefinition(
    String question,
    int scaleMin,
    int scaleMax,
    int satisfiedMin,
    OutOfRangePolicy outOfRangePolicy,
    int smallSampleThreshold)
    implements RatingDefinition {

  /**
   * Validates: {@code scaleMin < satisfiedMin <= scaleMax}, at most 1,001 points.
   *
   * @param question the question id whose responses count (default "csat")
   * @param scaleMin the lowest answer
   * @param scaleMax the highest answer
   * @param satisfiedMin the lowest satisfied answer: satisfied means {@code >= satisfiedMin}
   * @param outOfRangePolicy what to do with answers off the scale (default: throw)
   * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
   */
  public CsatDefinition {
    RatingDefinition.checkQuestion(question);
    Objects.requireNonNull(outOfRangePolicy, "outOfRangePolicy is null");
    if (scaleMax <= scaleMin || (long) scaleMax - scaleMin + 1 > ScaleHistogram.MAX_POINTS) {
      throw new IllegalArgumentException("CSAT scale must have 2 to " + ScaleHistogram.MAX_POINTS
          + " points, was " + scaleMin + ".." + scaleMax);
    }
    if (satisfiedMin <= scaleMin || satisfiedMin > scaleMax) {
      throw new IllegalArgumentException("satisfied threshold must satisfy scaleMin < "
          + "satisfiedMin <= scaleMax, was " + satisfiedMin + " on " + scaleMin + ".." + scaleMax);
    }
    if (smallSampleThreshold < 0) {
      throw new IllegalArgumentException(
          "smallSampleThreshold must be >= 0, was " + smallSampleThreshold);
    }
  }

  /**
   * The number of satisfied points (the N of "top-N box").
   *
   * @return N
   */
  public int topBoxes() {
    return scaleMax - satisfiedMin + 1;
  }

  /**
   * This definition with the top N answers satisfied (top box: 1; top-2 box: 2).
   *
   * @param n the number of top boxes, 1 to the scale's size - 1
   * @return the new definition
   */
  public CsatDefinition withTopBoxes(int n) {
    return withSatisfiedFrom(scaleMax - n + 1);
  }

  /**
   * This definition with answers {@code >= score} satisfied.
   *
   * @param score the lowest satisfied answer
   * @return the new definition
   */
  public CsatDefinition withSatisfiedFrom(int score) {
    return new CsatDefinition(question, scaleMin, scaleMax, score, outOfRangePolicy,
        smallSampleThreshold);
  }

  /**
   * This definition for another question (e.g. "csat.checkout").
   *
   * @param question the question id
   * @return the new definition
   */
  public CsatDefinition withQuestion(String question) {
    return new CsatDefinition(question, scaleMin, scaleMax, satisfiedMin, outOfRangePolicy,
        smallSampleThreshold);
  }

  /**
   * This definition with another policy for off-scale answers.
   *
   * @param policy the policy
   * @return the new definition
   */
  public CsatDefinition withOutOfRangePolicy(OutOfRangePolicy policy) {
    return new CsatDefinition(question, scaleMin, scaleMax, satisfiedMin, policy,
        smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer respondents are flagged
   * @return the new definition
   */
  public CsatDefinition withSmallSampleThreshold(int threshold) {
    return new CsatDefinition(question, scaleMin, scaleMax, satisfiedMin, outOfRangePolicy,
        threshold);
  }

  /** {@inheritDoc} For CSAT, always {@link BlankPolicy#EXCLUDE}: unrated answers are excluded. */
  @Override
  public BlankPolicy blankPolicy() {
    return BlankPolicy.EXCLUDE;
  }

  @Override
  public String kpiId() {
    return Csat.ID;
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
    return o instanceof CsatDefinition d && question.equals(d.question) && scaleMin == d.scaleMin
        && scaleMax == d.scaleMax && satisfiedMin == d.satisfiedMin
        && outOfRangePolicy == d.outOfRangePolicy
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
    h = 31 * h + satisfiedMin;
    h = 31 * h + outOfRangePolicy.hashCode();
    h = 31 * h + smallSampleThreshold;
    return h;
  }
}
