package io.github.cxkpi.time;

import io.github.cxkpi.internal.WriterCells;
import java.time.Duration;
import java.util.List;

/**
 * A thread-safe recorder of durations for many writer threads, on the writer-cell engine of
 * core's recorders: each writer thread records into its own {@link DurationHistogram} and
 * announces its write on its own counter, so writers share no hot memory and never wait.
 * {@link #intervalSnapshot()} swaps every writer's histogram for an empty one and merges what
 * was recorded: a duration is in exactly one interval snapshot (nothing lost, nothing counted
 * twice). Snapshots are serialized with each other.
 *
 * @since 0.1.0
 */
public final class DurationRecorder {
  private final DurationHistogram template;
  private final WriterCells<DurationHistogram> cells;
  private final Object snapshots = new Object();
  // Moved out of the writers' cells by snapshot(), not yet returned by an interval snapshot.
  private DurationHistogram pending;

  private DurationRecorder(DurationHistogram template) {
    this.template = template;
    this.cells = new WriterCells<>(template::emptyCopy, DurationHistogram::merge,
        DurationHistogram::reset);
    this.pending = template.emptyCopy();
  }

  /**
   * A recorder with 1 % accuracy that counts exactly at the targets.
   *
   * @param targets the targets (see {@link DurationHistogram#withTargets})
   * @return the recorder
   */
  public static DurationRecorder withTargets(Duration... targets) {
    return create(DurationHistogram.DEFAULT_RELATIVE_ACCURACY, List.of(targets));
  }

  /**
   * A recorder (see {@link DurationHistogram#create(double, List)} for the arguments).
   *
   * @param relativeAccuracy the relative accuracy
   * @param targets the targets
   * @return the recorder
   */
  public static DurationRecorder create(double relativeAccuracy, List<Duration> targets) {
    return new DurationRecorder(DurationHistogram.create(relativeAccuracy, targets));
  }

  /**
   * Records a duration; thread-safe.
   *
   * @param duration the duration (see {@link DurationHistogram#record})
   */
  public void record(Duration duration) {
    recordNanos(DurationHistogram.nanos(duration, "duration"));
  }

  /**
   * Records a duration in nanoseconds; thread-safe.
   *
   * @param nanos the duration, {@code >= 0}
   */
  public void recordNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("duration must not be negative, was " + nanos + " ns");
    }
    WriterCells.Cell<DurationHistogram> c = cells.cell();
    DurationHistogram h = cells.enter(c);
    try {
      h.recordNanos(nanos);
    } finally {
      cells.exit(c);
    }
  }

  /**
   * Everything recorded since the last interval snapshot (or creation), as a new histogram; the
   * next interval snapshot still holds it.
   *
   * @return the snapshot
   */
  public DurationHistogram snapshot() {
    synchronized (snapshots) {
      return cells.snapshotInto(pending).copy();
    }
  }

  /**
   * Everything recorded since the last interval snapshot (or creation), as a new histogram:
   * every duration is in exactly one interval snapshot.
   *
   * @return the snapshot
   */
  public DurationHistogram intervalSnapshot() {
    synchronized (snapshots) {
      DurationHistogram out = cells.snapshotInto(pending);
      pending = template.emptyCopy();
      return out;
    }
  }

  @Override
  public String toString() {
    return "DurationRecorder(" + cells.count() + " writer cells)";
  }
}
