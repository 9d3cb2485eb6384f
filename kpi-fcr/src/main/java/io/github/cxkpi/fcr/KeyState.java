package io.github.cxkpi.fcr;

/**
 * The state of one key with something pending. Contacts are encoded as
 * {@code epochMillis << 1 | resolvedMark}, so that sorting the codes sorts by time.
 *
 * <p>Size on a 64-bit JVM with compressed references: a 48-byte object (44 rounded up).
 */
final class KeyState {
  static final long NONE = Long.MIN_VALUE;
  static final int EPISODE_OPEN = 1;
  static final int EPISODE_MULTI = 2;
  static final int PREV_OPEN = 4;
  static final int ALL_FLAGS = EPISODE_OPEN | EPISODE_MULTI | PREV_OPEN;

  final String key;
  /** {@link KeyTable#hash(String)} of the key, kept so that the table never recomputes it. */
  final int hash;
  /** Contacts of this key waiting in the arrival queue (above the watermark). */
  int size;
  long prev = NONE;
  long first = NONE;
  int flags;

  KeyState(String key, int hash) {
    this.key = key;
    this.hash = hash;
  }

  /** A copy of this state (same key string, which is immutable). */
  KeyState copy() {
    KeyState c = new KeyState(key, hash);
    c.size = size;
    c.prev = prev;
    c.first = first;
    c.flags = flags;
    return c;
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

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  boolean isIdle() {
    return size == 0 && (flags & (EPISODE_OPEN | PREV_OPEN)) == 0;
  }
}
