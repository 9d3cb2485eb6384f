package io.github.cxkpi.drivers;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.scale.RatingDefinition;
import io.github.cxkpi.scale.ScaleHistogram;

/**
 * A survey question answered on a bounded integer scale, as a driver analysis uses it: the
 * outcome or one factor.
 *
 * @param id the question's id (as in {@link io.github.cxkpi.event.SurveyResponse#question()})
 * @param min the lowest point of its scale
 * @param max the highest point, {@code > min}, at most {@link ScaleHistogram#MAX_POINTS} points
 * @since 0.1.0
 */
public record RatedQuestion(String id, int min, int max) {
  /**
   * Checks the question as every definition does and the scale as core's histogram does.
   *
   * @param id the question's id (as in {@link io.github.cxkpi.event.SurveyResponse#question()})
   * @param min the lowest point of its scale
   * @param max the highest point, {@code > min}, at most {@link ScaleHistogram#MAX_POINTS} points
   * @throws IllegalArgumentException naming the value and the rule
   */
  public RatedQuestion {
    RatingDefinition.checkQuestion(id);
    if (max <= min) {
      throw new IllegalArgumentException(
          "scale of '" + id + "': max must be greater than min, was " + min + ".." + max);
    }
    if ((long) max - min + 1 > ScaleHistogram.MAX_POINTS) {
      throw new IllegalArgumentException("scale of '" + id + "' must have at most "
          + ScaleHistogram.MAX_POINTS + " points, was " + min + ".." + max);
    }
  }

  /**
   * Whether a score lies on the scale.
   *
   * @param score the score
   * @return {@code true} when {@code min <= score <= max}
   */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  void write(FrameWriter w) {
    w.putString(id).putSignedInt(min).putSignedInt(max);
  }

  static RatedQuestion read(FrameReader r, String field) {
    String id = r.getString(field);
    int min = r.getSignedInt(field + " min", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int max = r.getSignedInt(field + " max", Integer.MIN_VALUE, Integer.MAX_VALUE);
    try {
      return new RatedQuestion(id, min, max);
    } catch (IllegalArgumentException e) {
      throw r.error(field, String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return id + " " + min + ".." + max;
  }
}
