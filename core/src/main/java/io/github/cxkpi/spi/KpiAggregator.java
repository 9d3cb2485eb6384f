package io.github.cxkpi.spi;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.stats.Difference;

/**
 * Any KPI's aggregator, seen by generic code. Like the concrete aggregators it is mutable
 * and <b>not thread-safe</b>.
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
   * Declares that no more interactions will come, so that a KPI that decides in event time
   * (repeat-contact FCR) decides what is pending. The default does nothing.
   */
  default void endOfInput() {}

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
