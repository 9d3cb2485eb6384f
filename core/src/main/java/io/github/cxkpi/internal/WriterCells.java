package io.github.cxkpi.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The writer cells behind the thread-safe recorders ({@code spi.Recorder}, {@code
 * scale.RatingRecorder}, the service times' {@code DurationRecorder}): one cell per writer thread, two aggregators each (one active, one
 * spare), and an epoch counter per cell that its writer alone changes.
 *
 * <p>Each writer thread writes into its own cell and announces its critical section on its own
 * epoch counter, so writers share no hot memory: the cost per write with two writers is what it
 * is with one (unlike a shared epoch counter, which costs 182 ns per write with two writers on a
 * two-core machine). A snapshot swaps each cell's active and spare aggregators, waits until that
 * cell's writer is not inside a write to the old one (a few nanoseconds), and merges the old one
 * into the result. Writers never block and never wait; snapshots are serialized with each other.
 *
 * <p>Many short-lived threads (a pool that churns, virtual threads): a new writer first tries to
 * claim the cell of a thread that has died (what is in it stays and goes into the next
 * snapshot), and only else adds a cell, in amortized constant time. A snapshot drops the cells of
 * dead threads that nobody claimed. Memory: two aggregators per writer thread alive since the
 * last snapshot.
 *
 * <p>A write is {@code c = cell(); a = enter(c); try { write to a } finally { exit(c); }}.
 *
 * @param <A> the aggregator
 */
public final class WriterCells<A> {
  private static final VarHandle EPOCH;
  private static final VarHandle OWNER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      EPOCH = lookup.findVarHandle(Cell.class, "epoch", long.class);
      OWNER = lookup.findVarHandle(Cell.class, "owner", WeakReference.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The owner of a cell that a snapshot has dropped: no thread may claim it any more. */
  private static final WeakReference<Thread> RETIRED = new WeakReference<>(null);

  /** How many cells a new writer inspects for a dead owner before it adds one. */
  private static final int CLAIM_PROBES = 4;

  /**
   * One writer thread's state, padded so that two cells never share a cache line.
   *
   * @param <A> the aggregator it holds
   */
  @SuppressWarnings("unused")
  public static final class Cell<A> {
    long p01, p02, p03, p04, p05, p06, p07;
    // Odd while the owner writes into `active`; only the owner changes it.
    volatile long epoch;
    volatile A active;
    A spare;
    // The writer thread; replaced (by compare-and-set) when a new thread claims the cell of a
    // dead one, or by RETIRED when a snapshot drops it: the two cannot both succeed.
    volatile WeakReference<Thread> owner;
    volatile long ownerId;
    long p11, p12, p13, p14, p15, p16, p17;

    @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
    Cell(A active, A spare, Thread owner) {
      this.active = active;
      this.spare = spare;
      this.owner = new WeakReference<>(owner);
      this.ownerId = owner.getId();
    }

    boolean ownerIsDead(WeakReference<Thread> ref) {
      Thread t = ref.get();
      return ref != RETIRED && (t == null || !t.isAlive());
    }
  }

  private final Supplier<A> newEmpty;
  private final BiConsumer<A, A> merge;
  private final Consumer<A> reset;
  // The cells, in [0, count): appended and compacted under cellsLock, read by snapshots.
  private final Object cellsLock = new Object();
  private Cell<A>[] cells;
  private int count;
  private int claimCursor;
  private final ThreadLocal<Cell<A>> local;
  // A direct-mapped cache of cells by thread, checked before the ThreadLocal: a slot holds the
  // cell of the first thread that hashed there; other threads of that slot use the ThreadLocal.
  private static final int FAST_SLOTS = 64;
  private final AtomicReferenceArray<Cell<A>> fast = new AtomicReferenceArray<>(FAST_SLOTS);
  private final Object snapshotLock = new Object();

  /**
   * Cells for a recorder.
   *
   * @param newEmpty makes an empty aggregator of the recorder's definition
   * @param merge merges its second argument into its first, failure-atomically, throwing
   *     {@link ArithmeticException} when the counts would overflow a long
   * @param reset empties an aggregator
   */
  @SuppressWarnings("unchecked")
  public WriterCells(Supplier<A> newEmpty, BiConsumer<A, A> merge, Consumer<A> reset) {
    this.newEmpty = Objects.requireNonNull(newEmpty, "newEmpty is null");
    this.merge = Objects.requireNonNull(merge, "merge is null");
    this.reset = Objects.requireNonNull(reset, "reset is null");
    this.cells = (Cell<A>[]) new Cell<?>[8];
    this.local = ThreadLocal.withInitial(this::newCell);
  }

  /**
   * The calling thread's cell.
   *
   * @return the cell
   */
  @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
  public Cell<A> cell() {
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

  @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
  private Cell<A> newCell() {
    Thread me = Thread.currentThread();
    Cell<A> claimed = claimDeadCell(me);
    if (claimed != null) {
      return claimed;
    }
    Cell<A> c = new Cell<>(newEmpty.get(), newEmpty.get(), me);
    synchronized (cellsLock) {
      if (count == cells.length) {
        cells = Arrays.copyOf(cells, 2 * count);
      }
      cells[count++] = c;
    }
    return c;
  }

  /** Takes over the cell of a dead thread, if one of a few inspected has one. */
  @SuppressWarnings("deprecation") // Thread.getId: not deprecated in the Java 17 API we target
  private @Nullable Cell<A> claimDeadCell(Thread me) {
    Cell<A>[] snapshot;
    int n;
    int from;
    synchronized (cellsLock) {
      snapshot = cells;
      n = count;
      from = claimCursor;
      claimCursor = n == 0 ? 0 : (from + CLAIM_PROBES) % n;
    }
    for (int i = 0; i < Math.min(CLAIM_PROBES, n); i++) {
      Cell<A> c = snapshot[(from + i) % n];
      WeakReference<Thread> ref = c.owner;
      if (c.ownerIsDead(ref) && OWNER.compareAndSet(c, ref, new WeakReference<>(me))) {
        // The dead owner left its epoch even; this thread is now the cell's only writer.
        c.ownerId = me.getId();
        return c;
      }
    }
    return null;
  }

  // The owner marks its write with a volatile store (a full fence) before it reads `active`;
  // the snapshot stores `active` before it reads `epoch`. Whichever comes second sees the
  // other: either the writer sees the new buffer, or the snapshot sees an odd epoch and waits.
  /**
   * Starts a write into a cell (its owner only).
   *
   * @param c the cell
   * @return the aggregator to write into until {@link #exit}
   */
  public A enter(Cell<A> c) {
    long e = (long) EPOCH.get(c);
    EPOCH.setVolatile(c, e + 1);
    return c.active;
  }

  /**
   * Ends a write started by {@link #enter}.
   *
   * @param c the cell
   */
  public void exit(Cell<A> c) {
    long e = (long) EPOCH.get(c);
    EPOCH.setRelease(c, e + 1);
  }

  /**
   * Merges everything recorded since the previous snapshot into {@code result}; snapshots are
   * serialized with each other.
   *
   * @param result the snapshot's aggregator, empty
   * @return {@code result}
   */
  public A snapshotInto(A result) {
    synchronized (snapshotLock) {
      Cell<A>[] all;
      int n;
      synchronized (cellsLock) {
        all = cells;
        n = count;
      }
      boolean retired = false;
      List<A> merged = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Cell<A> c = all[i];
        A old = c.active;
        c.active = c.spare;
        long e = c.epoch;
        if ((e & 1) != 0) {
          while (c.epoch == e) {
            Thread.onSpinWait();
          }
        }
        // Should the interval's counts overflow a long (2^63 answers), `old` stays as the spare
        // with its content: the next snapshot makes it active again, its writer adds to it,
        // and a later snapshot takes it. Nothing is lost.
        c.spare = old;
        if (!mergeInto(result, old)) {
          continue;
        }
        // Emptied only once every part has merged: should a merge throw (parts that cannot
        // merge), every part keeps its content for a later snapshot and nothing is lost.
        merged.add(old);
        WeakReference<Thread> ref = c.owner;
        if (c.ownerIsDead(ref) && OWNER.compareAndSet(c, ref, RETIRED)) {
          // Nobody claimed it and nobody can now: take what is left and drop it.
          if (mergeInto(result, c.active)) {
            retired = true;
          } else {
            OWNER.setVolatile(c, ref); // not taken: it stays, claimable, for the next snapshot
          }
        }
      }
      for (A a : merged) {
        reset.accept(a);
      }
      if (retired) {
        dropRetired();
      }
    }
    return result;
  }

  private boolean mergeInto(A result, A part) {
    try {
      merge.accept(result, part); // failure-atomic: on an exception the result is unchanged
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /**
   * Removes the retired cells from the list and from the fast cache. The survivors go to a new
   * array: new writers and snapshots read the old one outside the lock.
   */
  @SuppressWarnings("unchecked")
  private void dropRetired() {
    synchronized (cellsLock) {
      Cell<A>[] kept = (Cell<A>[]) new Cell<?>[Math.max(8, cells.length > 64
          && count < cells.length / 4 ? 2 * count : cells.length)];
      int k = 0;
      for (int i = 0; i < count; i++) {
        Cell<A> c = cells[i];
        if (c.owner == RETIRED) {
          for (int s = 0; s < FAST_SLOTS; s++) {
            fast.compareAndSet(s, c, null);
          }
        } else {
          kept[k++] = c;
        }
      }
      cells = kept;
      count = k;
      if (claimCursor >= count) {
        claimCursor = 0;
      }
    }
  }

  /**
   * How many writer cells the recorder holds (live threads, and dead ones not yet dropped by a
   * snapshot or claimed by a new writer); for tests and monitoring.
   *
   * @return the number of cells
   */
  public int count() {
    synchronized (cellsLock) {
      return count;
    }
  }
}
