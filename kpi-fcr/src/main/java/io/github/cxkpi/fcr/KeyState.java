package io.github.cxkpi.fcr;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The state of one key with something pending. Contacts are encoded as
 * {@code epochMillis << 1 | resolvedMark}, so that sorting the codes sorts by time.
 *
 * <p>Size on a 64-bit JVM with compressed references: a 48-byte object; a buffer of
 * not-yet-processed contacts only while some are out of order (null otherwise).
 */
final class KeyState {
  static final long NONE = Long.MIN_VALUE;
  static final int EPISODE_OPEN = 1;
  static final int EPISODE_MULTI = 2;
  static final int PREV_OPEN = 4;
  static final int ALL_FLAGS = EPISODE_OPEN | EPISODE_MULTI | PREV_OPEN;

  final String key;
  long @Nullable [] buffer;
  int size;
  long prev = NONE;
  long first = NONE;
  int flags;
  long due = Long.MAX_VALUE;

  KeyState(String key) {
    this.key = key;
  }

  static long time(long code) {
    return code >> 1;
  }

  static boolean resolved(long code) {
    return (code & 1) != 0;
  }

  static long encode(long millis, boolean resolved) {
    return millis << 1 | (resolved ? 1 : 0);
  }

  /** Inserts a contact into the sorted buffer. */
  void buffer(long code) {
    long[] b = buffer;
    if (b == null) {
      b = buffer = new long[2];
    } else if (size == b.length) {
      b = buffer = Arrays.copyOf(b, size * 2);
    }
    int i = size;
    while (i > 0 && b[i - 1] > code) {
      b[i] = b[i - 1];
      i--;
    }
    b[i] = code;
    size++;
  }

  long popFirst() {
    long[] b = java.util.Objects.requireNonNull(buffer);
    long c = b[0];
    size--;
    if (size == 0) {
      buffer = null;
    } else {
      System.arraycopy(b, 1, b, 0, size);
    }
    return c;
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  boolean isIdle() {
    return size == 0 && (flags & (EPISODE_OPEN | PREV_OPEN)) == 0;
  }

  KeyState copy() {
    KeyState s = new KeyState(key);
    s.buffer = buffer == null ? null : buffer.clone();
    s.size = size;
    s.prev = prev;
    s.first = first;
    s.flags = flags;
    return s;
  }
}
