package io.github.cxkpi.fcr;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The decision timers of the repeat-contact aggregator: a FIFO ring of (due time, key state).
 * Contacts are processed in time order, so their due times (time + window) are pushed in
 * nondecreasing order and a FIFO is a priority queue here, with sequential memory access
 * instead of a heap's cache-missing pops. Entries may be stale (their key moved on); the
 * aggregator checks each against its key's state.
 */
final class DecisionQueue {
  private long[] due = new long[64];
  private @Nullable KeyState[] states = new KeyState[64];
  private int head;
  private int size;
  private long last = Long.MIN_VALUE;

  int size() {
    return size;
  }

  void push(long time, KeyState s) {
    if (time < last) {
      throw new IllegalStateException("decision due " + time + " pushed after " + last);
    }
    last = time;
    if (size == due.length) {
      if (size == 1 << 30) { // the ring's capacity is a power of two
        throw new IllegalStateException("more than 2^30 decisions pending");
      }
      long[] d = new long[size * 2];
      @Nullable KeyState[] st = new KeyState[size * 2];
      for (int i = 0; i < size; i++) {
        int j = (head + i) & (due.length - 1);
        d[i] = due[j];
        st[i] = states[j];
      }
      due = d;
      states = st;
      head = 0;
    }
    int j = (head + size) & (due.length - 1);
    due[j] = time;
    states[j] = s;
    size++;
  }

  long peekTime() {
    return size == 0 ? Long.MAX_VALUE : due[head];
  }

  KeyState peekState() {
    return Objects.requireNonNull(states[head]);
  }

  void pop() {
    states[head] = null;
    head = (head + 1) & (due.length - 1);
    size--;
  }

  /** Calls {@code action} on every entry, in order. */
  void forEach(ObjLongConsumer<KeyState> action) {
    for (int i = 0; i < size; i++) {
      int j = (head + i) & (due.length - 1);
      action.accept(Objects.requireNonNull(states[j]), due[j]);
    }
  }

  void clear() {
    Arrays.fill(states, null);
    head = 0;
    size = 0;
    last = Long.MIN_VALUE;
  }

  /** Gives the arrays back when nothing is queued (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && due.length > 64) {
      due = new long[64];
      states = new KeyState[64];
      head = 0;
    }
  }
}
