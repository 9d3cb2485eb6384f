package io.github.cxkpi.spi;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe recorder of a KPI's aggregator for many writer threads, with interval snapshots
 * that lose nothing: every input recorded lands in exactly one snapshot. Writers never block and
 * never wait, and two writers share no hot memory (a cell per writer thread); snapshots are
 * serialized with each other. Memory: two aggregators per writer thread alive since the last
 * snapshot.
 *
 * <p>{@link #of(Supplier)} records any aggregator whose merge takes the parts of any split of
 * its input: every rating KPI, and repeat-contact FCR without a watermark
 * ({@code withDerivedWatermark(false)}, decided at {@code endOfInput}); with a watermark its
 * parts must hold disjoint keys, which writer threads do not guarantee, and a snapshot that
 * cannot merge throws and keeps every part for the next one. The rating KPIs'
 * {@code recorder()} methods return a {@link io.github.cxkpi.scale.RatingRecorder}, which also
 * takes bare scores.
 *
 * @param <I> what the aggregator accepts (survey responses, service contacts)
 * @param <A> the KPI's aggregator
 * @since 0.1.0
 */
public interface Recorder<I, A extends Aggregator<I, A, ?>> {
  /**
   * A recorder whose snapshots are aggregators made by a factory (e.g.
   * {@code Fcr::repeatContactAggregator}).
   *
   * @param <I> what the aggregator accepts
   * @param <A> the aggregator
   * @param emptyAggregator makes an empty aggregator of the KPI's definition
   * @return the recorder
   */
  static <I, A extends Aggregator<I, A, ?>> Recorder<I, A> of(Supplier<A> emptyAggregator) {
    return new StripedRecorder<>(emptyAggregator);
  }

  /**
   * Records an input (a survey response, a service contact) if the KPI takes it.
   *
   * @param input the input
   * @return whether the aggregator accepted it
   * @throws IllegalArgumentException when the aggregator refuses it (e.g. a score off the scale
   *     under a rejecting policy); nothing is recorded then
   */
  boolean record(I input);

  /**
   * Everything recorded since the previous snapshot (or since creation), as a new aggregator.
   *
   * @return the interval's aggregator
   */
  A intervalSnapshot();

  /**
   * Everything recorded since the previous snapshot, merged into {@code into} after resetting it
   * (so that a caller can recycle the previous snapshot and allocate nothing).
   *
   * <p>{@code into} is checked before anything is touched: an aggregator of another definition
   * is refused and the recorder is unchanged. Should the interval hold more than a long counts,
   * the writers' buffers that do not fit stay in the recorder for the next snapshot.
   *
   * @param into an aggregator of the recorder's definition to reuse, or {@code null} for a new
   *     one
   * @return the interval's aggregator
   * @throws IllegalArgumentException when {@code into} has another definition
   */
  A intervalSnapshot(@Nullable A into);

  /**
   * How many writer cells the recorder holds (live threads, and dead ones not yet dropped by a
   * snapshot or claimed by a new writer); for tests and monitoring.
   *
   * @return the number of cells
   */
  int writerCells();
}
