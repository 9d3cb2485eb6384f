package io.github.cxkpi.spi;

import io.github.cxkpi.event.Interaction;
import java.util.Objects;

/**
 * An {@link Aggregator} seen through the SPI as a {@link KpiAggregator}: it takes the
 * interactions of its input type, merges with views of the same KPI, and copies, counts and
 * serializes through the aggregator. A KPI module subclasses it with the KPI's summary, its
 * difference and the wrapping of a copy. Not thread-safe, like the aggregator.
 *
 * @param <I> the interactions the aggregator takes
 * @param <A> the aggregator
 * @since 0.1.0
 */
public abstract class AggregatorView<I extends Interaction, A extends Aggregator<I, A, ?>>
    implements KpiAggregator {
  private final String kpiId;
  private final Class<I> input;
  private final A delegate;

  /**
   * A view of an aggregator.
   *
   * @param kpiId the KPI's id
   * @param input the class of the interactions the aggregator takes (others are not offered)
   * @param delegate the aggregator
   */
  protected AggregatorView(String kpiId, Class<I> input, A delegate) {
    this.kpiId = Objects.requireNonNull(kpiId, "kpiId is null");
    this.input = Objects.requireNonNull(input, "input is null");
    this.delegate = Objects.requireNonNull(delegate, "delegate is null");
  }

  /**
   * The aggregator behind the view.
   *
   * @return the aggregator
   */
  public final A unwrap() {
    return delegate;
  }

  /**
   * A view of the same kind around another aggregator (a copy of this one's).
   *
   * @param aggregator the aggregator
   * @return the view
   */
  protected abstract KpiAggregator wrap(A aggregator);

  /**
   * The aggregator behind another view of the same KPI.
   *
   * @param other the other view
   * @return its aggregator
   * @throws IllegalArgumentException when {@code other} is not a view of the same KPI
   */
  @SuppressWarnings("unchecked")
  protected final A peer(KpiAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (other.getClass() == getClass() && ((AggregatorView<?, ?>) other).kpiId.equals(kpiId)) {
      return ((AggregatorView<I, A>) other).delegate;
    }
    throw new IllegalArgumentException("cannot combine a " + kpiId + " aggregator with a "
        + other.kpiId() + " aggregator");
  }

  @Override
  public final String kpiId() {
    return kpiId;
  }

  /**
   * {@link AnswerSink#NONE} when the aggregator's input type excludes survey responses (it
   * never takes one), else {@code null}: a view of survey answers needs the responses.
   */
  @Override
  public @org.jspecify.annotations.Nullable AnswerSink answerSink(String question) {
    return input.isAssignableFrom(io.github.cxkpi.event.SurveyResponse.class)
        ? null : AnswerSink.NONE;
  }

  @Override
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    return input.isInstance(interaction) && delegate.accept(input.cast(interaction));
  }

  @Override
  public KpiAggregator merge(KpiAggregator other) {
    delegate.merge(peer(other));
    return this;
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
    return wrap(delegate.copy());
  }

  @Override
  public byte[] toBytes() {
    return delegate.toBytes();
  }

  @Override
  public String toString() {
    return kpiId + " view of " + delegate;
  }
}
