package io.github.cxkpi.fcr;

import static io.github.cxkpi.fcr.KeyState.EPISODE_OPEN;
import static io.github.cxkpi.fcr.KeyState.FIRST;
import static io.github.cxkpi.fcr.KeyState.NONE;
import static io.github.cxkpi.fcr.KeyState.PREV;
import static io.github.cxkpi.fcr.KeyState.PREV_OPEN;
import static io.github.cxkpi.fcr.KeyState.SIZE_ONE;
import static io.github.cxkpi.fcr.KeyState.STATE;

import io.github.cxkpi.codec.FrameInput;
import io.github.cxkpi.codec.FrameOutput;
import io.github.cxkpi.internal.Checks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint of a {@link RepeatContactAggregator} (frame kind 6): its state machine's
 * pending keys and contacts, written in key order so that equal states give equal bytes, and
 * read back with every invariant of the state machine checked. The aggregator keeps the state
 * machine; this class keeps the bytes.
 */
final class RepeatContactCodec {
  private RepeatContactCodec() {}


  /** The checkpoint in one array, refused above {@code limit} bytes before it is allocated. */
  static byte[] toBytes(RepeatContactAggregator a, long limit) {
    Snapshot snapshot = snapshot(a);
    try {
      long size = write(a, OutputStream.nullOutputStream(), snapshot);
      if (size > limit) {
        throw new IllegalStateException("the checkpoint of this repeat-contact FCR aggregator"
            + " would be " + size + " bytes (" + snapshot.ids.length + " pending keys, "
            + snapshot.codes.length + " pending contacts), more than the " + limit
            + " bytes one array may hold: stream it with writeTo(OutputStream)");
      }
      ArrayOutput out = new ArrayOutput((int) size);
      write(a, out, snapshot);
      return out.bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // neither stream does I/O
    }
  }

  static long writeTo(RepeatContactAggregator a, OutputStream out) throws IOException {
    return write(a, out, snapshot(a));
  }

  /** The pending state in checkpoint order: key ids by key, each key's pending codes sorted. */
  private record Snapshot(int[] ids, int[] offsets, long[] codes) {}

  private static Snapshot snapshot(RepeatContactAggregator a) {
    KeyTable keys = a.keys;
    int n = keys.size();
    Integer[] byKey = new Integer[n];
    int[] live = keys.ids();
    for (int i = 0; i < n; i++) {
      byKey[i] = live[i];
    }
    Arrays.sort(byKey, Comparator.comparing(keys::key));
    int[] ids = new int[n];
    int[] rank = new int[keys.idLimit()];
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      ids[i] = byKey[i];
      rank[ids[i]] = i;
      offsets[i + 1] = offsets[i] + KeyState.size(keys.word(ids[i], STATE));
    }
    DueQueue arrivals = a.arrivals;
    long[] codes = new long[arrivals.size()];
    int[] fill = Arrays.copyOf(offsets, n);
    for (int i = 0; i < arrivals.size(); i++) {
      codes[fill[rank[arrivals.idAt(i)]]++] = arrivals.orderAt(i);
    }
    for (int i = 0; i < n; i++) {
      Arrays.sort(codes, offsets[i], offsets[i + 1]);
    }
    return new Snapshot(ids, offsets, codes);
  }

  /*
   * Layout (format version 1, kind 6), after the definition (RepeatContactDefinition):
   *   watermark, maxSeen                     zig-zag longs
   *   contacts, late, contactsDecided,       varints
   *   contactsRepeated, episodesDecided,
   *   episodesResolved, episodesOpen
   *   duplicates                             varint, only when sameInstant is DUPLICATE
   *   key count                              varint
   *   per key, in increasing key order:
   *     key                                  string
   *     prev, first                          zig-zag longs (contact codes: millis << 1 | mark)
   *     flags                                varint
   *     pending count, then its codes        varint, zig-zag longs in increasing order
   */
  private static long write(RepeatContactAggregator a, OutputStream out, Snapshot snapshot)
      throws IOException {
    FrameOutput w = FrameOutput.begin(out, Fcr.REPEAT_FRAME_KIND);
    a.definition.writeTo(w);
    w.putSignedLong(a.watermark).putSignedLong(a.maxSeen);
    w.putVarLong(a.contacts).putVarLong(a.late).putVarLong(a.contactsDecided)
        .putVarLong(a.contactsRepeated).putVarLong(a.episodesDecided)
        .putVarLong(a.episodesResolved).putVarLong(a.episodesOpen);
    if (a.duplicatesMode) {
      w.putVarLong(a.duplicates);
    }
    int[] ids = snapshot.ids;
    KeyTable keys = a.keys;
    w.putVarLong(ids.length);
    for (int i = 0; i < ids.length; i++) {
      int id = ids[i];
      int from = snapshot.offsets[i];
      int to = snapshot.offsets[i + 1];
      w.putString(keys.key(id)).putSignedLong(keys.word(id, PREV))
          .putSignedLong(keys.word(id, FIRST)).putVarLong(KeyState.flags(keys.word(id, STATE)))
          .putVarLong(to - from);
      for (int k = from; k < to; k++) {
        w.putSignedLong(snapshot.codes[k]);
      }
    }
    return w.finish();
  }

  /** An output stream into an array of the exact size, so that nothing is copied. */
  private static final class ArrayOutput extends OutputStream {
    final byte[] bytes;
    private int pos;

    ArrayOutput(int size) {
      bytes = new byte[size];
    }

    @Override
    public void write(int b) {
      bytes[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      System.arraycopy(b, off, bytes, pos, len);
      pos += len;
    }
  }

  static RepeatContactAggregator readFrom(FrameInput r) throws IOException {
    RepeatContactAggregator a = new RepeatContactAggregator(RepeatContactDefinition.readFrom(r));
    a.watermark = r.getSignedLong("watermark");
    a.maxSeen = r.getSignedLong("maxSeen");
    a.contacts = r.getVarLong("contacts");
    a.late = r.getVarLong("late");
    a.contactsDecided = r.getVarLong("contactsDecided", 0, a.contacts);
    a.contactsRepeated = r.getVarLong("contactsRepeated", 0, a.contactsDecided);
    a.episodesDecided = r.getVarLong("episodesDecided", 0, a.contacts);
    a.episodesResolved = r.getVarLong("episodesResolved", 0, a.episodesDecided);
    a.episodesOpen = r.getVarLong("episodesOpen", 0, a.contacts);
    if (a.duplicatesMode) {
      a.duplicates = r.getVarLong("duplicates", 0, a.contacts - a.contactsDecided);
    }
    long count = r.getVarLong("keys");
    // A key takes at least 2 (string) + 4 (two longs) + 2 (flags, size) bytes.
    r.requireRemaining(count > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : count * 8, "keys");
    long open = 0;
    long pendingContacts = 0;
    DueQueue events = new DueQueue();
    @Nullable String previousKey = null;
    for (long i = 0; i < count; i++) {
      String key = r.getString("key");
      r.check(!key.isBlank(), "key", "blank key");
      r.check(previousKey == null || previousKey.compareTo(key) < 0, "key",
          "keys not in strictly increasing order at '" + Checks.start(key) + "'");
      previousKey = key;
      long prev = r.getSignedLong("prev");
      long first = r.getSignedLong("first");
      int flags = (int) r.getVarLong("flags", 0, KeyState.ALL_FLAGS);
      int size = (int) r.getVarLong("pending contacts", 0, Integer.MAX_VALUE);
      r.requireRemaining(size, "pending contacts");
      boolean prevOpen = (flags & PREV_OPEN) != 0;
      boolean episodeOpen = (flags & EPISODE_OPEN) != 0;
      checkCode(r, prev, "prev", prevOpen || prev != NONE);
      checkCode(r, first, "first", episodeOpen || first != NONE);
      r.check(prev == NONE || KeyState.time(prev) <= a.watermark, "prev",
          "a processed contact above the watermark");
      if (episodeOpen) {
        open++;
        r.check(prev != NONE && first != NONE && first <= prev, "first",
            "open episode without consistent first and previous contacts");
      }
      // Keys come in strictly increasing order, so this one is new.
      int id = a.keys.add(key, a.keys.keyHash(key));
      a.keys.setWord(id, PREV, prev);
      a.keys.setWord(id, FIRST, first);
      a.keys.setWord(id, STATE, (long) size * SIZE_ONE | flags);
      if (prevOpen) {
        r.check(KeyState.time(prev) + a.window > a.watermark, "prev",
            "open contact whose window the watermark has passed");
        events.push(KeyState.time(prev) + a.window, id);
      }
      if (episodeOpen) {
        r.check(KeyState.time(first) + a.window > a.watermark, "first",
            "open episode whose window the watermark has passed");
        if (first != prev) {
          events.push(KeyState.time(first) + a.window, id);
        }
      }
      long last = Long.MIN_VALUE;
      for (int k = 0; k < size; k++) {
        long code = r.getSignedLong("pending contact");
        checkCode(r, code, "pending contact", true);
        r.check(code >= last, "pending contact", "pending contacts not sorted");
        r.check(KeyState.time(code) > a.watermark, "pending contact",
            "pending contact at or below the watermark");
        r.check(prev == NONE || code >= prev, "pending contact",
            "pending contact before the key's last processed one");
        last = code;
        a.arrivals.push(code, id);
      }
      pendingContacts += size + (prevOpen ? 1 : 0);
      r.check(!KeyState.isIdle(a.keys.word(id, STATE)), "key",
          "idle key '" + Checks.start(key) + "' should have been evicted");
    }
    RepeatContactAggregator.drainInto(events, a.decisions);
    r.check(open == a.episodesOpen, "episodesOpen",
        "declares " + a.episodesOpen + " open episodes, keys hold " + open);
    r.check(a.contacts - a.contactsDecided - a.duplicates == pendingContacts, "contacts",
        "undecided contacts " + (a.contacts - a.contactsDecided - a.duplicates)
            + " do not match the " + pendingContacts + " the keys hold");
    r.finish();
    return a;
  }

  private static void checkCode(FrameInput r, long code, String field, boolean present) {
    if (!present) {
      return;
    }
    r.check(code >= 0 && KeyState.time(code) < RepeatContactAggregator.MAX_MILLIS, field,
        "contact code " + code + " out of range");
  }
}
