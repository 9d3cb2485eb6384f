package io.github.cxkpi.fcr;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap of (long, key state) ordered by the long: the contacts of the
 * repeat-contact aggregator that are above the watermark, by their contact code (time, then
 * mark), or (while a merge or a checkpoint is read) decisions by their due time. What the long
 * means is the caller's; the heap only orders it. It holds only the contacts within the allowed
 * lateness, so it stays small and in cache.
 */
final class DueQueue {
  private long[] due = new long[16];
  private @Nullable KeyState[] states = new KeyState[16];
  private int size;

  int size() {
    return size;
  }

  void push(long order, KeyState s) {
    if (size == due.length) {
      int max = Integer.MAX_VALUE - 8;
      if (size == max) {
        throw new IllegalStateException("more than " + max + " contacts pending: advance the "
            + "watermark (or derive it) so that contacts are processed");
      }
      int capacity = size > max / 2 ? max : size * 2;
      due = Arrays.copyOf(due, capacity);
      states = Arrays.copyOf(states, capacity);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (due[parent] <= order) {
        break;
      }
      due[i] = due[parent];
      states[i] = states[parent];
      i = parent;
    }
    due[i] = order;
    states[i] = s;
  }

  /**
   * The smallest order (a contact code or a due time, as pushed), or {@code Long.MAX_VALUE} when
   * empty.
   */
  long peekOrder() {
    return size == 0 ? Long.MAX_VALUE : due[0];
  }

  KeyState peekState() {
    return Objects.requireNonNull(states[0]);
  }

  void pop() {
    int n = --size;
    long t = due[n];
    @Nullable KeyState s = states[n];
    states[n] = null;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && due[child + 1] < due[child]) {
        child++;
      }
      if (due[child] >= t) {
        break;
      }
      due[i] = due[child];
      states[i] = states[child];
      i = child;
    }
    if (n > 0) {
      due[i] = t;
      states[i] = s;
    }
  }

  /** Calls {@code action} on every entry, in no particular order. */
  void forEach(java.util.function.ObjLongConsumer<KeyState> action) {
    for (int i = 0; i < size; i++) {
      action.accept(Objects.requireNonNull(states[i]), due[i]);
    }
  }

  void clear() {
    Arrays.fill(states, 0, size, null);
    size = 0;
  }

  /** Gives the arrays back when nothing is queued (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && due.length > 16) {
      due = new long[16];
      states = new KeyState[16];
    }
  }
}
