package io.github.cxkpi.fcr;

/**
 * The decision timers of the repeat-contact aggregator: a FIFO ring of (due time, key id).
 * Contacts are processed in time order, so their due times (time + window) are pushed in
 * nondecreasing order and a FIFO is a priority queue here, with sequential memory access
 * instead of a heap's cache-missing pops. Entries may be stale (their key moved on, or went
 * idle and was evicted by an earlier entry of the same due time); the aggregator checks each
 * against its key's state. An evicted key's entries all share the due time that evicted it,
 * so none outlives the {@code advanceTo} that popped the first: an id is never reused while
 * an entry refers to it.
 */
final class DecisionQueue {
  private long[] due = new long[64];
  private int[] ids = new int[64];
  private int head;
  private int size;
  private long last = Long.MIN_VALUE;
  /**
   * How many entries from the head had their key's record, and their index slot, loaded ahead
   * by the aggregator (see {@code RepeatContactAggregator.warm}); a hint, kept only so that no
   * entry is loaded twice.
   */
  int warmRecords;
  int warmSlots;

  int size() {
    return size;
  }

  void push(long time, int id) {
    if (time < last) {
      throw new IllegalStateException("decision due " + time + " pushed after " + last);
    }
    last = time;
    if (size == due.length) {
      if (size == 1 << 30) { // the ring's capacity is a power of two
        throw new IllegalStateException("more than 2^30 decisions pending");
      }
      long[] d = new long[size * 2];
      int[] s = new int[size * 2];
      for (int i = 0; i < size; i++) {
        int j = (head + i) & (due.length - 1);
        d[i] = due[j];
        s[i] = ids[j];
      }
      due = d;
      ids = s;
      head = 0;
      warmRecords = 0;
      warmSlots = 0;
    }
    int j = (head + size) & (due.length - 1);
    due[j] = time;
    ids[j] = id;
    size++;
  }

  long peekTime() {
    return size == 0 ? Long.MAX_VALUE : due[head];
  }

  int peekId() {
    return ids[head];
  }

  void pop() {
    head = (head + 1) & (due.length - 1);
    size--;
    if (warmRecords > 0) {
      warmRecords--;
    }
    if (warmSlots > 0) {
      warmSlots--;
    }
  }

  /** The due time of the i-th entry in FIFO order. */
  long dueAt(int i) {
    return due[(head + i) & (due.length - 1)];
  }

  /** The key id of the i-th entry in FIFO order. */
  int idAt(int i) {
    return ids[(head + i) & (due.length - 1)];
  }

  /** An independent copy. */
  DecisionQueue copy() {
    DecisionQueue c = new DecisionQueue();
    c.due = due.clone();
    c.ids = ids.clone();
    c.head = head;
    c.size = size;
    c.last = last;
    return c;
  }

  void clear() {
    warmRecords = 0;
    warmSlots = 0;
    head = 0;
    size = 0;
    last = Long.MIN_VALUE;
  }

  /** Gives the arrays back when nothing is queued (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && due.length > 64) {
      due = new long[64];
      ids = new int[64];
      head = 0;
    }
  }
}
