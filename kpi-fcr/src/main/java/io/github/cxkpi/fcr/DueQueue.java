package io.github.cxkpi.fcr;

import java.util.Arrays;

/**
 * A 4-ary min-heap of (long, key id) ordered by the long: the contacts of the repeat-contact
 * aggregator that are above the watermark, by their contact code (time, then mark), or (while a
 * merge or a checkpoint is read) decisions by their due time. What the long means is the
 * caller's; the heap only orders it. It holds only the contacts within the allowed lateness, so
 * it stays small and in cache; entries are two primitives, nothing is allocated per entry. Four
 * children per node halve the depth of a binary heap, and the smallest of four is found with
 * compares the JIT makes branch-free: a pop waits on half as many dependent loads.
 */
final class DueQueue {
  private static final int MAX = Integer.MAX_VALUE - 8;

  private long[] due = new long[16];
  private int[] ids = new int[16];
  private int size;

  int size() {
    return size;
  }

  /**
   * Throws, before anything changes, when one more entry would not fit.
   *
   * @throws IllegalStateException when the queue is full
   */
  void checkRoom() {
    if (size == MAX) {
      throw new IllegalStateException("more than " + MAX + " contacts pending: advance the "
          + "watermark (or derive it) so that contacts are processed");
    }
  }

  void push(long order, int id) {
    if (size == due.length) {
      checkRoom();
      int capacity = size > MAX / 2 ? MAX : size * 2;
      due = Arrays.copyOf(due, capacity);
      ids = Arrays.copyOf(ids, capacity);
    }
    long[] d = due;
    int[] s = ids;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (d[parent] <= order) {
        break;
      }
      d[i] = d[parent];
      s[i] = s[parent];
      i = parent;
    }
    d[i] = order;
    s[i] = id;
  }

  /**
   * The smallest order (a contact code or a due time, as pushed), or {@code Long.MAX_VALUE} when
   * empty.
   */
  long peekOrder() {
    return size == 0 ? Long.MAX_VALUE : due[0];
  }

  int peekId() {
    return ids[0];
  }

  /**
   * Removes the smallest entry, Floyd's way: the hole at the root goes down to a leaf along the
   * smallest children (no compare against the entry to place), then the last entry rises from
   * there. It came from the bottom, so it rarely rises far.
   */
  void pop() {
    long[] d = due;
    int[] s = ids;
    int n = --size;
    long t = d[n];
    int id = s[n];
    int i = 0;
    while (true) {
      long first = 4L * i + 1;
      int c;
      if (first + 3 < n) {
        int a = (int) first;
        a += d[a + 1] < d[a] ? 1 : 0;
        int b = (int) first + 2;
        b += d[b + 1] < d[b] ? 1 : 0;
        c = d[b] < d[a] ? b : a;
      } else if (first < n) {
        c = (int) first;
        for (int k = c + 1; k < n; k++) {
          if (d[k] < d[c]) {
            c = k;
          }
        }
      } else {
        break;
      }
      d[i] = d[c];
      s[i] = s[c];
      i = c;
    }
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (d[parent] <= t) {
        break;
      }
      d[i] = d[parent];
      s[i] = s[parent];
      i = parent;
    }
    d[i] = t;
    s[i] = id;
  }

  /** The order of the entry at a position in the heap's array (positions in no particular order). */
  long orderAt(int i) {
    return due[i];
  }

  int idAt(int i) {
    return ids[i];
  }

  /** An independent copy, in the same array order. */
  DueQueue copy() {
    DueQueue c = new DueQueue();
    c.due = due.clone();
    c.ids = ids.clone();
    c.size = size;
    return c;
  }

  void clear() {
    size = 0;
  }

  /** Gives the arrays back when nothing is queued (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && due.length > 16) {
      due = new long[16];
      ids = new int[16];
    }
  }
}
