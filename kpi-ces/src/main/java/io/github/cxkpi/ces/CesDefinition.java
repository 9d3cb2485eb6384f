package io.github.cxkpi.ces;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.Direction;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingDefinition;
import io.github.cxkpi.scale.ScaleHistogram;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a CES is: the question, the scale, which direction is good, and which answers are
 * easy and which difficult. Immutable; start from {@link Ces#v2()} or {@link Ces#v1()}.
 *
 * @param question the question id whose responses count (default "ces")
 * @param scaleMin the lowest answer
 * @param scaleMax the highest answer
 * @param direction which end is good
 * @param easyFrom the lowest easy answer
 * @param easyTo the highest easy answer
 * @param difficultFrom the lowest difficult answer
 * @param difficultTo the highest difficult answer
 * @param outOfRangePolicy what to do with answers off the scale (default: throw)
 * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
 * @since 0.1.0
 */
public record CesDefinition(
    String question,
    int scaleMin,
    int scaleMax,
    Direction direction,
    int easyFrom,
    int easyTo,
    int difficultFrom,
    int difficultTo,
    OutOfRangePolicy outOfRangePolicy,
    int smallSampleThreshold)
    implements RatingDefinition {

  /**
   * Validates: the ranges lie on the scale, do not overlap, and the easy range is at the good
   * end.
   *
   * @param question the question id whose responses count (default "ces")
   * @param scaleMin the lowest answer
   * @param scaleMax the highest answer
   * @param direction which end is good
   * @param easyFrom the lowest easy answer
   * @param easyTo the highest easy answer
   * @param difficultFrom the lowest difficult answer
   * @param difficultTo the highest difficult answer
   * @param outOfRangePolicy what to do with answers off the scale (default: throw)
   * @param smallSampleThreshold results with fewer respondents are flagged (default 30)
   */
  public CesDefinition {
    RatingDefinition.checkQuestion(question);
    Objects.requireNonNull(direction, "direction is null");
    Objects.requireNonNull(outOfRangePolicy, "outOfRangePolicy is null");
    if (scaleMax <= scaleMin || (long) scaleMax - scaleMin + 1 > ScaleHistogram.MAX_POINTS) {
      throw new IllegalArgumentException("CES scale must have 2 to " + ScaleHistogram.MAX_POINTS
          + " points, was " + scaleMin + ".." + scaleMax);
    }
    if (!(scaleMin <= easyFrom && easyFrom <= easyTo && easyTo <= scaleMax
        && scaleMin <= difficultFrom && difficultFrom <= difficultTo && difficultTo <= scaleMax)) {
      throw new IllegalArgumentException("easy " + easyFrom + ".." + easyTo + " and difficult "
          + difficultFrom + ".." + difficultTo + " must be ranges on the scale " + scaleMin
          + ".." + scaleMax);
    }
    boolean easyHigh = easyFrom > difficultTo;
    boolean easyLow = easyTo < difficultFrom;
    if (direction == Direction.HIGHER_IS_BETTER ? !easyHigh : !easyLow) {
      throw new IllegalArgumentException("with " + direction + " the easy answers "
          + easyFrom + ".." + easyTo + " must lie on the good side of the difficult ones "
          + difficultFrom + ".." + difficultTo + ", without overlap");
    }
    if (smallSampleThreshold < 0) {
      throw new IllegalArgumentException(
          "smallSampleThreshold must be >= 0, was " + smallSampleThreshold);
    }
  }

  /**
   * This definition with other easy answers (e.g. the stricter top two, 6-7, of CES 2.0).
   *
   * @param from the lowest easy answer
   * @param to the highest easy answer
   * @return the new definition
   */
  public CesDefinition withEasy(int from, int to) {
    return new CesDefinition(question, scaleMin, scaleMax, direction, from, to, difficultFrom,
        difficultTo, outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with other difficult answers.
   *
   * @param from the lowest difficult answer
   * @param to the highest difficult answer
   * @return the new definition
   */
  public CesDefinition withDifficult(int from, int to) {
    return new CesDefinition(question, scaleMin, scaleMax, direction, easyFrom, easyTo, from, to,
        outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition for another question.
   *
   * @param question the question id
   * @return the new definition
   */
  public CesDefinition withQuestion(String question) {
    return new CesDefinition(question, scaleMin, scaleMax, direction, easyFrom, easyTo,
        difficultFrom, difficultTo, outOfRangePolicy, smallSampleThreshold);
  }

  /**
   * This definition with another policy for off-scale answers.
   *
   * @param policy the policy
   * @return the new definition
   */
  public CesDefinition withOutOfRangePolicy(OutOfRangePolicy policy) {
    return new CesDefinition(question, scaleMin, scaleMax, direction, easyFrom, easyTo,
        difficultFrom, difficultTo, policy, smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer respondents are flagged
   * @return the new definition
   */
  public CesDefinition withSmallSampleThreshold(int threshold) {
    return new CesDefinition(question, scaleMin, scaleMax, direction, easyFrom, easyTo,
        difficultFrom, difficultTo, outOfRangePolicy, threshold);
  }

  /** {@inheritDoc} For CES, always {@link BlankPolicy#EXCLUDE}. */
  @Override
  public BlankPolicy blankPolicy() {
    return BlankPolicy.EXCLUDE;
  }

  @Override
  public String kpiId() {
    return Ces.ID;
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
    return o instanceof CesDefinition d && question.equals(d.question) && scaleMin == d.scaleMin
        && scaleMax == d.scaleMax && direction == d.direction && easyFrom == d.easyFrom
        && easyTo == d.easyTo && difficultFrom == d.difficultFrom && difficultTo == d.difficultTo
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
    h = 31 * h + direction.hashCode();
    h = 31 * h + easyFrom;
    h = 31 * h + easyTo;
    h = 31 * h + difficultFrom;
    h = 31 * h + difficultTo;
    h = 31 * h + outOfRangePolicy.hashCode();
    h = 31 * h + smallSampleThreshold;
    return h;
  }
}
