package io.github.cxkpi.fcr;

import java.security.SecureRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The pending keys of the repeat-contact aggregator: an open-addressing hash table (linear
 * probing, backward-shift deletion) of the key states themselves, so that a key costs its
 * state and a slot instead of a state plus a {@code HashMap} node (32 bytes). Keys come from
 * outside (customer ids), so the hash is SipHash-1-3 under a random key drawn once per JVM:
 * colliding keys cannot be chosen in advance, which {@link String#hashCode()} would allow
 * (a flood of them would make linear probing quadratic).
 */
final class KeyTable {
  private static final long K0;
  private static final long K1;

  static {
    SecureRandom random = new SecureRandom();
    K0 = random.nextLong();
    K1 = random.nextLong();
  }

  /** Doubling stops here: 2^30 slots, at most 3/4 of them used. */
  private static final int MAX_CAPACITY = 1 << 30;

  private @Nullable KeyState[] slots = new KeyState[16];
  private int mask = 15;
  private int size;

  int size() {
    return size;
  }

  /** The keyed hash of a key (SipHash-1-3 of its UTF-16 code units). */
  static int hash(String key) {
    long v0 = K0 ^ 0x736f6d6570736575L;
    long v1 = K1 ^ 0x646f72616e646f6dL;
    long v2 = K0 ^ 0x6c7967656e657261L;
    long v3 = K1 ^ 0x7465646279746573L;
    int n = key.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long m = key.charAt(i) | (long) key.charAt(i + 1) << 16 | (long) key.charAt(i + 2) << 32
          | (long) key.charAt(i + 3) << 48;
      v3 ^= m;
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
      v0 ^= m;
    }
    long m = (long) (n & 0xFF) << 56;
    for (int shift = 0; i < n; i++, shift += 16) {
      m |= (long) key.charAt(i) << shift;
    }
    v3 ^= m;
    v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
    v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
    v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
    v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    v0 ^= m;
    v2 ^= 0xFF;
    for (int r = 0; r < 3; r++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    long x = v0 ^ v1 ^ v2 ^ v3;
    return (int) (x ^ (x >>> 32));
  }

  /** The state of a key, or {@code null}; {@code hash} is {@link #hash(String) hash(key)}. */
  @Nullable KeyState get(String key, int hash) {
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      KeyState s = slots[i];
      if (s == null || (s.hash == hash && s.key.equals(key))) {
        return s;
      }
    }
  }

  boolean containsKey(String key) {
    return get(key, hash(key)) != null;
  }

  /** Whether this very state is in the table (not only a state of its key). */
  boolean holds(KeyState s) {
    return get(s.key, s.hash) == s;
  }

  /** Adds a state whose key is not in the table. */
  void put(KeyState s) {
    if (size + 1 > (mask + 1) / 4 * 3) {
      grow();
    }
    int i = s.hash & mask;
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = s;
    size++;
  }

  private void grow() {
    int capacity = mask + 1;
    if (capacity == MAX_CAPACITY) {
      throw new IllegalStateException("more than " + (MAX_CAPACITY / 4 * 3)
          + " keys pending: advance the watermark (or derive it) so that keys are decided");
    }
    @Nullable KeyState[] old = slots;
    slots = new KeyState[capacity * 2];
    mask = capacity * 2 - 1;
    size = 0;
    for (KeyState s : old) {
      if (s != null) {
        put(s);
      }
    }
  }

  /** Removes this very state, if present; later entries of its cluster shift back. */
  void remove(KeyState s) {
    int i = s.hash & mask;
    while (slots[i] != s) {
      if (slots[i] == null) {
        return;
      }
      i = (i + 1) & mask;
    }
    for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
      KeyState t = slots[j];
      if (t == null) {
        break;
      }
      int home = t.hash & mask;
      // t may fill the hole at i unless its home lies cyclically in (i, j].
      boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        slots[i] = t;
        i = j;
      }
    }
    slots[i] = null;
    size--;
  }

  void forEach(Consumer<KeyState> action) {
    for (KeyState s : slots) {
      if (s != null) {
        action.accept(s);
      }
    }
  }

  KeyState[] toArray() {
    KeyState[] out = new KeyState[size];
    int n = 0;
    for (KeyState s : slots) {
      if (s != null) {
        out[n++] = s;
      }
    }
    return out;
  }

  /** Gives the slots back when nothing is held (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && slots.length > 16) {
      slots = new KeyState[16];
      mask = 15;
    }
  }

  /** Forgets every state. */
  void clear() {
    slots = new KeyState[16];
    mask = 15;
    size = 0;
  }
}
