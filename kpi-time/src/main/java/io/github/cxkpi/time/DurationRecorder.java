package io.github.cxkpi.time;

import java.time.Duration;
import java.util.List;

/**
 * A thread-safe recorder of durations for many writer threads: a power-of-two number of
 * {@link DurationHistogram} stripes, each behind its own lock, chosen by the writing thread's
 * id, so that writers on different stripes do not contend. Snapshots take each stripe's lock in
 * turn: {@link #intervalSnapshot()} moves every stripe's durations into the snapshot and empties
 * it under that lock, so that a duration is in exactly one interval snapshot (nothing lost,
 * nothing counted twice).
 *
 * @since 0.1.0
 */
public final class DurationRecorder {
  private final DurationHistogram[] stripes;
  private final int mask;

  private DurationRecorder(DurationHistogram template, int stripes) {
    this.stripes = new DurationHistogram[stripes];
    for (int i = 0; i < stripes; i++) {
      this.stripes[i] = template.emptyCopy();
    }
    this.mask = stripes - 1;
  }

  /**
   * A recorder with 1 % accuracy that counts exactly at the targets, with a stripe count of
   * the next power of two at or above twice the available processors.
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
    int cpus = Runtime.getRuntime().availableProcessors();
    int stripes = Integer.highestOneBit(Math.max(1, 2 * cpus - 1)) << 1;
    return new DurationRecorder(DurationHistogram.create(relativeAccuracy, targets),
        Math.min(stripes, 256));
  }

  private DurationHistogram stripe() {
    long id = Thread.currentThread().getId();
    return stripes[(int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask];
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
    DurationHistogram s = stripe();
    synchronized (s) {
      s.recordNanos(nanos);
    }
  }

  /**
   * Everything recorded so far, as a new histogram; nothing is reset.
   *
   * @return the snapshot
   */
  public DurationHistogram snapshot() {
    DurationHistogram into = stripes[0].emptyCopy();
    for (DurationHistogram s : stripes) {
      synchronized (s) {
        into.merge(s);
      }
    }
    return into;
  }

  /**
   * Everything recorded since the last interval snapshot (or creation), as a new histogram; the
   * stripes are emptied, each under its lock, so that every duration is in exactly one
   * interval snapshot.
   *
   * @return the snapshot
   */
  public DurationHistogram intervalSnapshot() {
    DurationHistogram into = stripes[0].emptyCopy();
    for (DurationHistogram s : stripes) {
      synchronized (s) {
        into.merge(s);
        s.reset();
      }
    }
    return into;
  }

  @Override
  public String toString() {
    return "DurationRecorder(" + stripes.length + " stripes)";
  }

}
