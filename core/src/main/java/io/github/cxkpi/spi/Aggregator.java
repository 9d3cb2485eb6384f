package io.github.cxkpi.spi;

/**
 * What every cxkpi aggregator is: small, mutable, single-threaded, mergeable and serializable.
 * The rating KPIs' aggregators ({@code NpsAggregator}, {@code CsatAggregator} ...) and
 * repeat-contact FCR's speak this one vocabulary; each adds its own ways to record (scores,
 * weights, contacts).
 *
 * <p><b>Not thread-safe</b>: give each thread its own aggregator and {@link #merge} them, or use
 * a thread-safe recorder.
 *
 * @param <I> the interaction it takes (a survey response, a service contact)
 * @param <A> the aggregator itself (so that fluent methods return it)
 * @param <R> its result, an immutable record
 * @since 0.1.0
 */
public interface Aggregator<I, A extends Aggregator<I, A, R>, R> {
  /**
   * Records an interaction when it is one this KPI consumes.
   *
   * @param interaction the interaction
   * @return whether it was recorded ({@code false}: not this KPI's, or late)
   * @throws IllegalArgumentException when the KPI refuses it (e.g. an answer off its scale);
   *     nothing is recorded then
   */
  boolean accept(I interaction);

  /**
   * Adds another aggregator of the same definition into this one. Failure-atomic: every check
   * comes before any change, so that on an exception this aggregator is unchanged.
   *
   * @param other the other aggregator; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the definitions differ
   * @throws ArithmeticException when a count would overflow
   */
  A merge(A other);

  /**
   * An independent copy.
   *
   * @return the copy
   */
  A copy();

  /**
   * Forgets everything recorded; the definition stays.
   *
   * @return this aggregator
   */
  A reset();

  /**
   * How many interactions it holds (answers on the scale; accepted contacts).
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
   * The result of what was recorded, an immutable snapshot.
   *
   * @return the result
   */
  R result();

  /**
   * The state in the codec's versioned, checksummed frame, which the KPI's {@code fromBytes}
   * reads back.
   *
   * @return the bytes
   */
  byte[] toBytes();
}
