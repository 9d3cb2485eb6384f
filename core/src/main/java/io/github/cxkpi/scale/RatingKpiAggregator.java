package io.github.cxkpi.scale;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.AnswerSink;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Shows a rating aggregator (NPS, CSAT, CES...) as a {@link KpiAggregator}, so that a KPI
 * module's provider is a few lines. Not thread-safe, like the aggregator it wraps.
 *
 * @param <A> the rating aggregator
 * @since 0.1.0
 */
public final class RatingKpiAggregator<A extends RatingAggregator<?, ?, A>>
    implements KpiAggregator {
  private final A delegate;
  private @Nullable AnswerSink sink;

  private RatingKpiAggregator(A delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps an aggregator (not a copy: recording through either shows in both).
   *
   * @param <A> the rating aggregator
   * @param aggregator the aggregator
   * @return the view
   */
  public static <A extends RatingAggregator<?, ?, A>> RatingKpiAggregator<A> of(A aggregator) {
    return new RatingKpiAggregator<>(Objects.requireNonNull(aggregator, "aggregator is null"));
  }

  /**
   * The wrapped aggregator.
   *
   * @return the aggregator
   */
  public A unwrap() {
    return delegate;
  }

  @Override
  public String kpiId() {
    return delegate.definition().kpiId();
  }

  @Override
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    return interaction instanceof SurveyResponse r && delegate.accept(r);
  }

  /** Answers to the definition's question go straight into the aggregator's histogram. */
  @Override
  public AnswerSink answerSink(String question) {
    Objects.requireNonNull(question, "question is null");
    if (!question.equals(delegate.definition().question())) {
      return AnswerSink.NONE;
    }
    AnswerSink s = sink;
    if (s == null) {
      s = new Sink();
      sink = s;
    }
    return s;
  }

  /** The sink of this view's aggregator. */
  private final class Sink implements AnswerSink {
    @Override
    public int minScore() {
      return delegate.definition().scaleMin();
    }

    @Override
    public int maxScore() {
      return delegate.definition().scaleMax();
    }

    @Override
    public boolean rejectsOffScale() {
      return delegate.definition().outOfRangePolicy() == OutOfRangePolicy.REJECT;
    }

    @Override
    public void addCounts(int firstScore, long[] counts) {
      delegate.addCounts(firstScore, Objects.requireNonNull(counts, "counts is null"));
    }

    @Override
    public void add(int score, double weight) {
      // As RatingAggregator.accept(SurveyResponse): weight 1 takes the unweighted path.
      if (weight == 1.0) {
        delegate.add(score);
      } else {
        delegate.add(score, weight);
      }
    }

    @Override
    public void addBlank(double weight) {
      if (weight == 1.0) {
        delegate.addBlank();
      } else {
        delegate.addBlank(weight);
      }
    }
  }

  private A peer(KpiAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (other instanceof RatingKpiAggregator<?> r
        && r.delegate.getClass() == delegate.getClass()) {
      @SuppressWarnings("unchecked")
      A a = (A) r.delegate;
      return a;
    }
    throw new IllegalArgumentException(
        "cannot combine a " + kpiId() + " aggregator with a " + other.kpiId() + " aggregator");
  }

  @Override
  public KpiAggregator merge(KpiAggregator other) {
    delegate.merge(peer(other));
    return this;
  }

  @Override
  public KpiSummary summary(double level) {
    return delegate.summary(level);
  }

  @Override
  public Difference difference(KpiAggregator baseline, double level) {
    return delegate.difference(peer(baseline), level);
  }

  @Override
  public long count() {
    return delegate.count();
  }

  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public KpiAggregator copy() {
    return new RatingKpiAggregator<>(delegate.copy());
  }

  @Override
  public byte[] toBytes() {
    return delegate.toBytes();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
