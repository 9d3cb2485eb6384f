package io.github.cxkpi.scale;

import io.github.cxkpi.event.SurveyResponse;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe recorder of a rating KPI for many writer threads, with interval snapshots
 * that lose nothing: every answer recorded lands in exactly one snapshot.
 *
 * <p>Each writer thread writes into its own cell (two aggregators, one active and one spare)
 * and announces its critical section on its own epoch counter, so writers share no hot
 * memory: the cost per write with two writers is what it is with one (unlike a shared epoch
 * counter, which costs 182 ns per write with two writers on a two-core machine). A snapshot
 * swaps each cell's active and spare aggregators, waits until that cell's writer is not
 * inside a write to the old one (a few nanoseconds), and merges the old one into the result.
 * Writers never block and never wait; snapshots are serialized with each other.
 *
 * <p>Memory: two aggregators per writer thread. Cells of threads that have died are dropped
 * once their content has been taken by a snapshot.
 *
 * @param <A> the KPI's aggregator
 */
public final class RatingRecorder<A extends RatingAggregator<?, ?, A>> {
  private static final VarHandle EPOCH;

  static {
    try {
      EPOCH = MethodHandles.lookup().findVarHandle(Cell.class, "epoch", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One writer thread's state, padded so that two cells never share a cache line. */
  @SuppressWarnings("unused")
  static final class Cell<A> {
    long p01, p02, p03, p04, p05, p06, p07;
    // Odd while the owner writes into `active`; only the owner changes it.
    volatile long epoch;
    volatile A active;
    A spare;
    final WeakReference<Thread> owner;
    final long ownerId;
    long p11, p12, p13, p14, p15, p16, p17;

    @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
    Cell(A active, A spare, Thread owner) {
      this.active = active;
      this.spare = spare;
      this.owner = new WeakReference<>(owner);
      this.ownerId = owner.getId();
    }
  }

  private final Supplier<A> factory;
  private final CopyOnWriteArrayList<Cell<A>> cells = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Cell<A>> local;
  // A direct-mapped cache of cells by thread, checked before the ThreadLocal: a slot holds the
  // cell of the first thread that hashed there; other threads of that slot use the ThreadLocal.
  private static final int FAST_SLOTS = 64;
  private final AtomicReferenceArray<Cell<A>> fast = new AtomicReferenceArray<>(FAST_SLOTS);
  private final Object snapshotLock = new Object();

  private RatingRecorder(Supplier<A> factory) {
    this.factory = factory;
    this.local = ThreadLocal.withInitial(this::newCell);
  }

  /**
   * A recorder whose snapshots are aggregators made by a factory (e.g. {@code Nps::aggregator}).
   *
   * @param <A> the aggregator
   * @param emptyAggregator makes an empty aggregator of the KPI's definition
   * @return the recorder
   */
  public static <A extends RatingAggregator<?, ?, A>> RatingRecorder<A> of(
      Supplier<A> emptyAggregator) {
    Objects.requireNonNull(emptyAggregator, "emptyAggregator is null");
    return new RatingRecorder<>(emptyAggregator);
  }

  @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
  private Cell<A> cell() {
    Thread t = Thread.currentThread();
    long id = t.getId();
    int slot = (int) (id ^ (id >>> 16)) & (FAST_SLOTS - 1);
    Cell<A> c = fast.getAcquire(slot);
    if (c != null && c.ownerId == id) {
      return c;
    }
    c = local.get();
    fast.compareAndSet(slot, null, c);
    return c;
  }

  private Cell<A> newCell() {
    Cell<A> c = new Cell<>(factory.get(), factory.get(), Thread.currentThread());
    cells.add(c);
    return c;
  }

  // The owner marks its write with a volatile store (a full fence) before it reads `active`;
  // the snapshot stores `active` before it reads `epoch`. Whichever comes second sees the
  // other: either the writer sees the new buffer, or the snapshot sees an odd epoch and waits.
  private A enter(Cell<A> c) {
    long e = (long) EPOCH.get(c);
    EPOCH.setVolatile(c, e + 1);
    return c.active;
  }

  private void exit(Cell<A> c) {
    long e = (long) EPOCH.get(c);
    EPOCH.setRelease(c, e + 1);
  }

  /**
   * Records one answer.
   *
   * @param score the answer
   * @throws IllegalArgumentException when the score is off the scale and the definition's
   *     policy rejects it
   */
  public void record(int score) {
    Cell<A> c = cell();
    A a = enter(c);
    try {
      a.add(score);
    } finally {
      exit(c);
    }
  }

  /**
   * Records one weighted answer.
   *
   * @param score the answer
   * @param weight its weight, finite and positive
   */
  public void record(int score, double weight) {
    Cell<A> c = cell();
    A a = enter(c);
    try {
      a.add(score, weight);
    } finally {
      exit(c);
    }
  }

  /** Records a blank answer. */
  public void recordBlank() {
    Cell<A> c = cell();
    A a = enter(c);
    try {
      a.addBlank();
    } finally {
      exit(c);
    }
  }

  /**
   * Records a survey response if it answers the KPI's question.
   *
   * @param response the response
   * @return whether it was for the KPI's question (and so recorded)
   */
  public boolean record(SurveyResponse response) {
    Objects.requireNonNull(response, "response is null");
    Cell<A> c = cell();
    A a = enter(c);
    try {
      return a.accept(response);
    } finally {
      exit(c);
    }
  }

  /**
   * Everything recorded since the previous snapshot (or since creation), as a new aggregator.
   *
   * @return the interval's aggregator
   */
  public A intervalSnapshot() {
    return intervalSnapshot(null);
  }

  /**
   * Everything recorded since the previous snapshot, merged into {@code into} after resetting
   * it (so that a caller can recycle the previous snapshot and allocate nothing).
   *
   * @param into an aggregator to reuse, or {@code null} for a new one
   * @return the interval's aggregator
   */
  public A intervalSnapshot(@Nullable A into) {
    A result = into == null ? factory.get() : into.reset();
    synchronized (snapshotLock) {
      for (Cell<A> c : cells) {
        A old = c.active;
        c.active = c.spare;
        long e = c.epoch;
        if ((e & 1) != 0) {
          while (c.epoch == e) {
            Thread.onSpinWait();
          }
        }
        result.merge(old);
        old.reset();
        c.spare = old;
        Thread owner = c.owner.get();
        if (owner == null || !owner.isAlive()) {
          // A dead thread writes no more: take what is left in its cell and drop it.
          result.merge(c.active);
          cells.remove(c);
          for (int i = 0; i < FAST_SLOTS; i++) {
            fast.compareAndSet(i, c, null);
          }
        }
      }
    }
    return result;
  }
}
