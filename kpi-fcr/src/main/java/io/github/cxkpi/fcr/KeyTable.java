package io.github.cxkpi.fcr;

import static io.github.cxkpi.fcr.KeyState.FREE;
import static io.github.cxkpi.fcr.KeyState.FIRST;
import static io.github.cxkpi.fcr.KeyState.NONE;
import static io.github.cxkpi.fcr.KeyState.PREV;
import static io.github.cxkpi.fcr.KeyState.SLOT;
import static io.github.cxkpi.fcr.KeyState.STATE;
import static io.github.cxkpi.fcr.KeyState.WORDS;

import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The pending keys of the repeat-contact aggregator, interned to dense int ids: an
 * open-addressing index (linear probing) from key to id, the key strings by id, and each key's
 * state inline in a record of primitive longs by id (see {@link KeyState}). The queues hold
 * ids, so that nothing is allocated per contact or per key, and a probe compares hashes held in
 * the index itself, without touching a key or a state. Ids of keys that went idle go to a free
 * list and are reused first (their records are likely still in cache).
 *
 * <p>A key is evicted a window after it was last looked up, so its index entry is no longer in
 * cache: eviction leaves a tombstone at the position its record remembers, one store and no
 * probe. Tombstones are cleared by rebuilding the index in place once they and the keys fill
 * 3/4 of it (amortized: after a rebuild, at least 3/8 of its slots' worth of new keys come before
 * the next).
 *
 * <p>Keys come from outside (customer ids), and equal {@link String#hashCode()}s are easy to
 * make: a flood of them would make linear probing quadratic. The hash is the string's
 * hashCode (cached in the string, so that a key seen before is hashed without reading its
 * chars again) mixed under a random key drawn once per JVM; a probe that meets
 * {@link #FLOOD_COLLISIONS} equal hashes of other keys, or passes {@link #FLOOD_PROBE} slots,
 * switches the table for good to SipHash-1-3 of the chars under that key, under which
 * colliding keys cannot be chosen in advance (the way .NET's dictionaries guard their string
 * keys).
 */
final class KeyTable {
  private static final long K0;
  private static final long K1;

  static {
    SecureRandom random = new SecureRandom();
    K0 = random.nextLong();
    K1 = random.nextLong();
  }

  /** Doubling of the index stops here: 2^30 slots, at most 3/4 of them used. */
  private static final int MAX_CAPACITY = 1 << 30;
  static final int MAX_KEYS = MAX_CAPACITY / 4 * 3;

  /**
   * Records come in pages of 2^13 ids (256 KiB), so that ids stay below any array limit up to
   * {@link #MAX_KEYS} and growing never copies the records; the first page starts small and
   * doubles, so that a small aggregator stays small.
   */
  private static final int PAGE_SHIFT = 13;
  private static final int PAGE_IDS = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_IDS - 1;
  private static final int INITIAL_IDS = 16;

  /** Slots: {@code hash << 32 | (id + 1)}, {@link #EMPTY} or {@link #TOMBSTONE}. */
  private long[] index;
  private int mask;
  private int size;
  private int tombstones;
  private static final long EMPTY = 0;
  /** No id + 1 is all ones; find tests for it only when its hash half matches. */
  private static final long TOMBSTONE = -1L;
  private @Nullable String[] keys;
  private long[][] pages;
  /** Ids below this were handed out once; the free ones are in {@link #free}. */
  private int nextId;
  private int[] free;
  private int freeCount;

  KeyTable() {
    clear();
  }

  int size() {
    return size;
  }

  /**
   * Whether keys are hashed with SipHash ({@link #hash(String)}) rather than by mixing their
   * cached {@code String.hashCode()}: set for good once a probe shows a flood (see
   * {@link #flooded}), and then every key is hashed again.
   */
  private boolean keyed;
  /** A probe met {@link #FLOOD_COLLISIONS} equal hashes or {@link #FLOOD_PROBE} slots. */
  private boolean flooded;
  /**
   * Distinct keys of one {@code String.hashCode()} met in one probe that make a flood. The
   * mixed hash is a bijection of the hashCode, so an equal hash of another key is an equal
   * hashCode: among a million ordinary keys a few pairs share one, not nine.
   */
  static final int FLOOD_COLLISIONS = 8;
  /**
   * Slots one probe may pass before the hashes count as flooded. Under a random hash, the
   * longest run of a linear-probing table at most 3/4 full is a few hundred slots at 2^30
   * slots; keys chosen to collide under the secret seed would have to guess it.
   */
  static final int FLOOD_PROBE = 2048;
  /** Keys up to this many chars are hashed from {@link #chars}; longer ones from a copy. */
  private static final int SCRATCH_CHARS = 4096;
  /** Where a key's chars are copied to be hashed with SipHash. */
  private char[] chars = new char[64];

  /**
   * The hash of a key in this table: its {@code String.hashCode()} (cached in the string after
   * its first use) mixed under the JVM's random key, a bijection of it; once a flood of equal
   * hashCodes (which anyone can make) was seen, SipHash-1-3 of its chars under that key.
   */
  int keyHash(String key) {
    if (!keyed) {
      return mix(key.hashCode());
    }
    int n = key.length();
    if (n > SCRATCH_CHARS) {
      return hash(key); // longer than any key the rule allows: do not grow the scratch for it
    }
    char[] c = chars;
    if (c.length < n) {
      c = new char[Math.min(SCRATCH_CHARS, Math.max(n, 2 * c.length))];
      chars = c;
    }
    key.getChars(0, n, c, 0);
    return sipHash(c, n);
  }

  /** Murmur3's 32-bit finalizer of the hashCode under the JVM's key: a bijection. */
  static int mix(int hashCode) {
    int h = hashCode ^ (int) K0;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** Whether keys are hashed with SipHash (after a flood). */
  boolean isKeyed() {
    return keyed;
  }

  /** The keyed hash of a key (SipHash-1-3 of its UTF-16 code units). */
  static int hash(String key) {
    return sipHash(key.toCharArray(), key.length());
  }

  /** SipHash-1-3 under the JVM's key of the first {@code n} chars, four to a word. */
  private static int sipHash(char[] key, int n) {
    long v0 = K0 ^ 0x736f6d6570736575L;
    long v1 = K1 ^ 0x646f72616e646f6dL;
    long v2 = K0 ^ 0x6c7967656e657261L;
    long v3 = K1 ^ 0x7465646279746573L;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long m = key[i] | (long) key[i + 1] << 16 | (long) key[i + 2] << 32
          | (long) key[i + 3] << 48;
      v3 ^= m;
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
      v0 ^= m;
    }
    long m = (long) (n & 0xFF) << 56;
    for (int shift = 0; i < n; i++, shift += 16) {
      m |= (long) key[i] << shift;
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

  /** The id of a key, or -1; {@code hash} is {@link #hash(String) hash(key)}. */
  int find(String key, int hash) {
    long tag = (long) hash << 32;
    long[] index = this.index;
    int mask = this.mask;
    int collisions = 0;
    for (int i = hash & mask, probe = 0; ; i = (i + 1) & mask, probe++) {
      long e = index[i];
      if (e == EMPTY) {
        if (probe > FLOOD_PROBE) {
          flooded = true;
        }
        return -1;
      }
      if ((e & 0xFFFF_FFFF_0000_0000L) == tag && e != TOMBSTONE) {
        int id = (int) e - 1;
        if (key.equals(keys[id])) {
          return id;
        }
        if (++collisions == FLOOD_COLLISIONS) {
          flooded = true;
        }
      }
    }
  }

  /**
   * Adds a key that is not in the table, with nothing pending (no contact, no flags). When a
   * probe saw a flood, every key is first hashed again with SipHash, and so is this one.
   *
   * @param hash {@link #keyHash(String) keyHash(key)}, from before the flood was seen
   * @return its id
   * @throws IllegalStateException when {@link #MAX_KEYS} keys are held; nothing changes then
   */
  int add(String key, int hash) {
    if (flooded && !keyed) {
      keyed = true;
      rebuildIndex(false, true);
      hash = keyHash(key);
    }
    int limit = (mask + 1) / 4 * 3;
    if (size + tombstones + 1 > limit) {
      // Double when keys fill more than half of the limit, else clear the tombstones.
      rebuildIndex(size + 1 > limit / 2, false);
    }
    int id;
    if (freeCount > 0) {
      id = free[--freeCount];
    } else {
      id = nextId;
      ensureIds(id + 1);
      nextId = id + 1;
    }
    keys[id] = key;
    long[] r = page(id);
    int o = offset(id);
    r[o + PREV] = NONE;
    r[o + FIRST] = NONE;
    r[o + STATE] = 0;
    // The key is not in the index: the first tombstone or empty slot of its probe sequence.
    // Keys added without a find (a checkpoint read) are watched for a flood here.
    int i = hash & mask;
    for (int probe = 0, collisions = 0; index[i] != EMPTY && index[i] != TOMBSTONE; probe++) {
      if ((int) (index[i] >>> 32) == hash && ++collisions == FLOOD_COLLISIONS
          || probe == FLOOD_PROBE) {
        flooded = true;
      }
      i = (i + 1) & mask;
    }
    if (index[i] == TOMBSTONE) {
      tombstones--;
    }
    index[i] = (long) hash << 32 | (id + 1L);
    r[o + SLOT] = i;
    size++;
    return id;
  }

  /**
   * A new index without tombstones, twice as large or as large; records learn their slots.
   * With {@code rehash} (the table has just become {@link #keyed}) every key is hashed again.
   */
  private void rebuildIndex(boolean grow, boolean rehash) {
    int capacity = mask + 1;
    if (grow && capacity == MAX_CAPACITY) {
      if (size + 1 > MAX_KEYS) {
        throw new IllegalStateException("more than " + MAX_KEYS
            + " keys pending: advance the watermark (or derive it) so that keys are decided");
      }
      grow = false;
    }
    long[] old = index;
    int newCapacity = grow ? capacity * 2 : capacity;
    index = new long[newCapacity];
    mask = newCapacity - 1;
    tombstones = 0;
    for (long e : old) {
      if (e != EMPTY && e != TOMBSTONE) {
        if (rehash) {
          int id = (int) e - 1;
          e = (long) keyHash(key(id)) << 32 | (id + 1L);
        }
        int i = (int) (e >>> 32) & mask;
        while (index[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        index[i] = e;
        int id = (int) e - 1;
        page(id)[offset(id) + SLOT] = i;
      }
    }
  }

  /** Room for ids below {@code ids}: the key strings and the records. */
  private void ensureIds(int ids) {
    if (ids > keys.length) {
      keys = Arrays.copyOf(keys, (int) Math.min(MAX_KEYS, 2L * keys.length));
    }
    int p = (ids - 1) >>> PAGE_SHIFT;
    if (p == 0) {
      if (pages[0].length < ids * WORDS) {
        pages[0] = Arrays.copyOf(pages[0], Math.min(PAGE_IDS, 2 * pages[0].length / WORDS) * WORDS);
      }
    } else if (p == pages.length || pages[p] == null) {
      if (p == pages.length) {
        pages = Arrays.copyOf(pages, 2 * pages.length);
      }
      pages[p] = new long[PAGE_IDS * WORDS];
    }
  }

  /** Removes the key of a live id, whose id goes to the free list. */
  void remove(int id) {
    long[] r = page(id);
    int o = offset(id);
    index[(int) r[o + SLOT]] = TOMBSTONE;
    tombstones++;
    r[o + SLOT] = FREE;
    keys[id] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, 2 * free.length);
    }
    free[freeCount++] = id;
    size--;
  }

  /** Loads the index slot where a probe for a hash starts (to bring it into cache). */
  long touchIndex(int hash) {
    return index[hash & mask];
  }

  /** Loads an id's record (to bring it into cache). */
  long touchRecord(int id) {
    return pages[id >>> PAGE_SHIFT][offset(id) + STATE];
  }

  /** Loads the index slot and key entry of an id below the limit, live or not (for the cache). */
  long touchSlot(int id) {
    long slot = pages[id >>> PAGE_SHIFT][offset(id) + SLOT];
    return index[(int) slot & mask] + (keys[id] == null ? 1 : 0);
  }

  /** The page of records that holds an id's; its words start at {@link #offset(int)}. */
  long[] page(int id) {
    return pages[id >>> PAGE_SHIFT];
  }

  static int offset(int id) {
    return (id & PAGE_MASK) * WORDS;
  }

  /** Whether an id is held (not free, not beyond those handed out). */
  boolean isLive(int id) {
    return id >= 0 && id < nextId && keys[id] != null;
  }

  String key(int id) {
    return java.util.Objects.requireNonNull(keys[id]);
  }

  long word(int id, int word) {
    return page(id)[offset(id) + word];
  }

  void setWord(int id, int word, long value) {
    page(id)[offset(id) + word] = value;
  }

  /** Ids are below this; the live ones are those {@link #isLive(int)}. */
  int idLimit() {
    return nextId;
  }

  /** The live ids, in id order. */
  int[] ids() {
    int[] out = new int[size];
    int n = 0;
    for (int id = 0; id < nextId; id++) {
      if (keys[id] != null) {
        out[n++] = id;
      }
    }
    return out;
  }

  /** An independent copy: the same keys under the same ids, with the same states. */
  KeyTable copy() {
    KeyTable c = new KeyTable();
    c.index = index.clone();
    c.mask = mask;
    c.size = size;
    c.tombstones = tombstones;
    c.keys = keys.clone();
    c.pages = pages.clone();
    for (int p = 0; p < pages.length; p++) {
      if (pages[p] != null) {
        c.pages[p] = pages[p].clone();
      }
    }
    c.nextId = nextId;
    c.free = free.clone();
    c.freeCount = freeCount;
    c.keyed = keyed;
    c.flooded = flooded;
    return c;
  }

  /** Gives the arrays back when nothing is held (after the end of a stream). */
  void trimIfEmpty() {
    if (size == 0 && (index.length > 16 || keys.length > INITIAL_IDS)) {
      clear();
    }
  }

  /** Forgets every key (how keys are hashed stays: a table that saw a flood stays keyed). */
  void clear() {
    index = new long[16];
    mask = 15;
    size = 0;
    tombstones = 0;
    keys = new String[INITIAL_IDS];
    pages = new long[1][];
    pages[0] = new long[INITIAL_IDS * WORDS];
    nextId = 0;
    free = new int[INITIAL_IDS];
    freeCount = 0;
  }
}
