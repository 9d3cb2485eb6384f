package io.github.cxkpi.micrometer;

import io.github.cxkpi.event.SurveyResponse;

/**
 * The thread-safe recorder of one segment of a {@link KpiMeters}: what
 * {@link KpiMeters#segment(String...)} returns. Keep it and record through it: it costs what
 * the bare {@link io.github.cxkpi.scale.RatingRecorder} costs (no lookup per answer).
 *
 * <p>When the segment was refused by the binder's cap, this recorder writes into the
 * {@code other} segment and counts every answer in {@code cxkpi.segments.folded}.
 *
 * @since 0.1.0
 */
public interface SegmentRecorder {
  /**
   * Records one answer.
   *
   * @param score the answer
   * @throws IllegalArgumentException when the score is off the scale and the definition's
   *     policy rejects it
   */
  void record(int score);

  /**
   * Records one weighted answer.
   *
   * @param score the answer
   * @param weight its survey weight, finite and positive
   */
  void record(int score, double weight);

  /** Records a blank answer. */
  void recordBlank();

  /**
   * Records a survey response in this segment if it answers the KPI's question.
   *
   * @param response the response
   * @return whether it was for the KPI's question (and so recorded)
   */
  boolean record(SurveyResponse response);

  /**
   * The tag values of the segment this recorder writes into ({@code other} ones when the
   * segment was folded).
   *
   * @return the values, one per tag key, in the order of the binder's tag keys
   */
  java.util.List<String> tagValues();

  /**
   * Whether the segment was refused by the cap and its answers go to the {@code other} segment.
   *
   * @return whether this recorder folds into {@code other}
   */
  boolean isFolded();
}
