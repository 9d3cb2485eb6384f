package io.github.cxkpi.spi;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.stats.Difference;
import java.time.Instant;
import java.util.function.Function;

/**
 * Any KPI's aggregator, seen by generic code. Like the concrete aggregators it is mutable
 * and <b>not thread-safe</b>.
 *
 * @since 0.1.0
 */
public interface KpiAggregator {
  /**
   * The id of the KPI.
   *
   * @return the id
   */
  String kpiId();

  /**
   * Records an interaction if this KPI consumes it (e.g. a response to its question).
   *
   * @param interaction the interaction
   * @return whether it was consumed
   */
  boolean accept(Interaction interaction);

  /**
   * Merges another aggregator of the same KPI and definition into this one.
   *
   * @param other the other aggregator; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the other is of another KPI or definition
   */
  KpiAggregator merge(KpiAggregator other);

  /**
   * The headline figure.
   *
   * @param level the confidence level
   * @return the summary
   */
  KpiSummary summary(double level);

  /**
   * The headline figure's change from a baseline ({@code this - baseline}), with its test.
   *
   * @param baseline an aggregator of the same KPI and definition
   * @param level the confidence level
   * @return the difference
   */
  Difference difference(KpiAggregator baseline, double level);

  /**
   * The columnar path for survey answers ({@link io.github.cxkpi.scorecard.SurveyBatch}): the
   * sink that records answers to a question as {@link #accept} would record the same
   * responses. {@link AnswerSink#NONE} when this aggregator takes no answer to the question;
   * {@code null} (the default) when it needs the responses themselves (e.g. it groups answers
   * by customer), in which case a scorecard of it takes no batches. An aggregator answers
   * {@code null} for every question or for none: a scorecard asks once.
   *
   * @param question the question's id
   * @return the sink, {@link AnswerSink#NONE}, or {@code null}
   * @since 0.2.0
   */
  default @org.jspecify.annotations.Nullable AnswerSink answerSink(String question) {
    return null;
  }

  /**
   * Declares that no more interactions will come, so that a KPI that decides in event time
   * (repeat-contact FCR) decides what is pending. The default does nothing.
   */
  default void endOfInput() {}

  /**
   * Whether an outcome of this KPI is decided with interactions of later windows (repeat-contact
   * FCR: a contact is repeated when another follows within seven days, perhaps in the next
   * week). A report by window then feeds one such aggregator per segment across all windows,
   * made with {@link KpiOptions#byWindow()}, and places what it decides with
   * {@link #drainDecided}; it does not merge per-window aggregators of the raw interactions,
   * which would cut episodes at window boundaries.
   *
   * @return {@code true} for such KPIs; {@code false} by default
   */
  default boolean spansWindows() {
    return false;
  }

  /**
   * For a KPI that {@linkplain #spansWindows() spans windows}: moves the outcomes decided since
   * the last call into the aggregators {@code into} returns for the instants they are
   * attributed to (an episode to its first contact), e.g. one per window. Does nothing for
   * other KPIs.
   *
   * @param into the aggregator (of this KPI, made with the same options) for an instant
   * @throws IllegalArgumentException when a target is of another KPI or definition
   */
  default void drainDecided(Function<Instant, KpiAggregator> into) {
    java.util.Objects.requireNonNull(into, "into is null");
  }

  /**
   * The number of observations counted in the KPI.
   *
   * @return the count
   */
  long count();

  /**
   * Whether nothing was recorded.
   *
   * @return {@code true} when empty
   */
  boolean isEmpty();

  /**
   * An independent copy.
   *
   * @return the copy
   */
  KpiAggregator copy();

  /**
   * Serializes the aggregator with the core codec.
   *
   * @return the bytes
   */
  byte[] toBytes();
}
