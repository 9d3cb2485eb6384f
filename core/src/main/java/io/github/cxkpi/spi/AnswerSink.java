package io.github.cxkpi.spi;

/**
 * The columnar way into a KPI aggregator: survey answers to one question given as numbers,
 * with no {@link io.github.cxkpi.event.SurveyResponse} per answer. A scorecard fed a
 * {@link io.github.cxkpi.scorecard.SurveyBatch} counts a batch's answers per cell and score,
 * then hands each aggregator its counts in one call. What a sink records is exactly what
 * {@link KpiAggregator#accept} would record for the same answers, one by one, in any order.
 *
 * <p>A sink belongs to one aggregator and is as <b>not thread-safe</b> as it is.
 *
 * @since 0.2.0
 */
public interface AnswerSink {
  /**
   * The sink of an aggregator that takes no survey answer to the question (another question, or
   * a KPI of service contacts): every answer to it would be left alone by
   * {@link KpiAggregator#accept}. Its recording methods throw.
   */
  AnswerSink NONE = new AnswerSink() {
    @Override
    public boolean takesAnswers() {
      return false;
    }

    @Override
    public int minScore() {
      return 0;
    }

    @Override
    public int maxScore() {
      return -1;
    }

    @Override
    public boolean rejectsOffScale() {
      return false;
    }

    @Override
    public void addCounts(int firstScore, long[] counts) {
      throw new UnsupportedOperationException("this KPI takes no answers to the question");
    }

    @Override
    public void add(int score, double weight) {
      throw new UnsupportedOperationException("this KPI takes no answers to the question");
    }

    @Override
    public void addBlank(double weight) {
      throw new UnsupportedOperationException("this KPI takes no answers to the question");
    }

    @Override
    public String toString() {
      return "AnswerSink.NONE";
    }
  };

  /**
   * Whether the aggregator records answers to the question; {@code false} only for
   * {@link #NONE}.
   *
   * @return whether it takes them
   */
  default boolean takesAnswers() {
    return true;
  }

  /**
   * The lowest point of the question's scale.
   *
   * @return the lowest score recorded as an answer
   */
  int minScore();

  /**
   * The highest point of the question's scale.
   *
   * @return the highest score recorded as an answer
   */
  int maxScore();

  /**
   * Whether a score off the scale is refused with an exception ({@code true}) or counted as
   * rejected ({@code false}), the KPI definition's policy.
   *
   * @return whether off-scale scores throw
   */
  boolean rejectsOffScale();

  /**
   * Records {@code counts[i]} answers of weight 1 and score {@code firstScore + i}, for every
   * i. Failure-atomic: when it throws, nothing was recorded.
   *
   * @param firstScore the score of {@code counts[0]}
   * @param counts how many answers of each score; none negative
   * @throws IllegalArgumentException when a count is negative, or a score with a count is off
   *     the scale and the policy refuses it
   * @throws ArithmeticException when a count of the aggregator would overflow
   */
  void addCounts(int firstScore, long[] counts);

  /**
   * Records one answer with its survey weight, as {@link KpiAggregator#accept} would.
   *
   * @param score the answer
   * @param weight its weight, finite and positive (1 for unweighted)
   * @throws IllegalArgumentException when the score is off the scale and the policy refuses it,
   *     or the weight is not finite and positive
   */
  void add(int score, double weight);

  /**
   * Records one blank answer (the question was skipped) with its survey weight.
   *
   * @param weight its weight, finite and positive (1 for unweighted)
   * @throws IllegalArgumentException when the weight is not finite and positive
   */
  void addBlank(double weight);
}
