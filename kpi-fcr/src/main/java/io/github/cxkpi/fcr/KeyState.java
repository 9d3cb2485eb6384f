package io.github.cxkpi.fcr;

/**
 * The state of one key with something pending, as it lies in a {@link KeyTable} record: the
 * constants and the contact code. Contacts are encoded as {@code epochMillis << 1 |
 * resolvedMark}, so that sorting the codes sorts by time (instants lie in [1970, 2200), so a
 * code takes 44 bits).
 *
 * <p>A record is four longs: {@link #PREV} and {@link #FIRST} (contact codes, or {@link #NONE}),
 * {@link #SLOT} (where the key's entry lies in the index, or {@link #FREE} while the id is
 * unused) and {@link #STATE}
 * ({@code size << SIZE_SHIFT | flags}, the size being the key's contacts waiting in the arrival
 * queue above the watermark). Size and flags share a word so that "idle" (nothing waiting, no
 * window open) is one test.
 */
final class KeyState {
  private KeyState() {}

  static final long NONE = Long.MIN_VALUE;
  static final int EPISODE_OPEN = 1;
  static final int EPISODE_MULTI = 2;
  static final int PREV_OPEN = 4;
  static final int ALL_FLAGS = EPISODE_OPEN | EPISODE_MULTI | PREV_OPEN;

  /** Record words. */
  static final int PREV = 0;
  static final int FIRST = 1;
  static final int SLOT = 2;
  static final int STATE = 3;
  static final int WORDS = 4;

  /** {@link #STATE}: the size above the flags. */
  static final int SIZE_SHIFT = 8;
  static final long SIZE_ONE = 1L << SIZE_SHIFT;
  /** {@link #SLOT} of an unused id. */
  static final long FREE = -1L;

  static long time(long code) {
    return code >> 1;
  }

  static boolean resolved(long code) {
    return (code & 1) != 0;
  }

  static long encode(long millis, boolean resolved) {
    return millis << 1 | (resolved ? 1 : 0);
  }

  static int flags(long state) {
    return (int) state & ALL_FLAGS;
  }

  static int size(long state) {
    return (int) (state >>> SIZE_SHIFT);
  }

  /** Nothing waiting and no window open: the key may be evicted. */
  static boolean isIdle(long state) {
    return (state & ~(long) EPISODE_MULTI) == 0;
  }
}
