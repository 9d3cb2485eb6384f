package io.github.cxkpi.cli;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.SurveyBatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Feeds one reader's records to one scorecard, survey answers in columns: a CSV survey row of
 * the common shape (ASCII, no quote, no attribute column, fields without surrounding blanks, a
 * customer id without blanks, an instant of the common shape, an integer score and no weight)
 * whose profile and question texts were seen before goes straight into a {@link SurveyBatch},
 * with no object and no string per field. Such rows are read from bytes: the reader's own
 * buffer when the feed takes its lines in place ({@link #take}), or a copy of a record's text.
 * Every other record takes the general way (parsed into an interaction, checked and worded as
 * always), and a valid survey answer found that way teaches the dictionaries its texts. When a
 * batch is refused (a score off a scale), its rows are fed again one by one the general way, so
 * each bad row is reported as it always is: the batch keeps the bytes of the rows it took.
 *
 * <p>Only for scorecards whose figures do not depend on the order of the rows (no allowed
 * lateness): batched rows reach the scorecard later than the rows around them. Bad rows are
 * still reported in line order: the batch is fed before any later row is reported bad.
 *
 * <p>Not thread-safe: one per reading thread.
 */
final class RowFeed implements InputLines.LineFilter {
  /** Where bad rows go; {@code true} to stop reading (the first under --strict). */
  interface BadRows {
    boolean bad(long line, String problem);
  }

  /**
   * What to do with a case event met the general way: why it is refused (it repeats an event
   * of an earlier line), or null to take it; or throw, when the caller checks case rows itself.
   */
  interface CaseRows {
    @Nullable String check(CaseEvent event, long line);
  }

  private static final int BATCH = 4096;
  private static final int FIRST_FLUSH = 64;
  /** The bytes of batched rows kept for a replay, beyond which the batch is fed early. */
  private static final int MAX_KEPT_BYTES = 1 << 22;
  private static final long MIN_MILLIS = Interaction.MIN_INSTANT.toEpochMilli();
  private static final long MAX_MILLIS = Interaction.MAX_INSTANT.toEpochMilli();
  private static final byte[] SURVEY = "survey".getBytes(StandardCharsets.US_ASCII);

  private final InteractionReader reader;
  private final Scorecard card;
  private final BadRows badRows;
  private final CaseRows caseRows;
  private final boolean columnar;
  private final int columnCount;
  private final int kind;
  private final int customer;
  private final int instant;
  private final int channel;
  private final int stage;
  private final int touchpoint;
  private final int question;
  private final int score;
  private final int weight;
  private final SurveyBatch batch = SurveyBatch.withCapacity(BATCH);
  // Batch row k: the record it came from (the general way), or null and its bytes
  // kept[keptFrom[k], keptFrom[k + 1]) from line lineOf[k].
  private final InteractionReader.@Nullable Raw[] pending = new InteractionReader.Raw[BATCH];
  // Whether some row of the batch came the general way (pending holds a record to clear): every
  // slot of pending is null between batches, so a row kept as bytes need not clear its own.
  private boolean anyPending;
  private final int[] keptFrom = new int[BATCH + 1];
  private final long[] lineOf = new long[BATCH];
  private byte[] kept = new byte[1 << 16];
  private final int[] starts;
  private final int[] ends;
  // Texts seen -> ids: profiles by their (channel, stage, touchpoint) texts, questions by text.
  private final TextTable profiles = new TextTable(3);
  private final TextTable questions = new TextTable(1);
  private boolean stopped;
  private long fastRows;
  private long takenLines;
  // Taken lines already told to onFlush.
  private long toldTaken;
  private LongConsumer onFlush = n -> { };
  // The batch is recorded when it holds this many rows: FIRST_FLUSH at first, doubled at each
  // flush up to BATCH, so that a few flushes happen while the JIT still profiles the per-row
  // code (a flush never seen there is compiled as a trap, which undoes the compiled code when
  // the first batch fills).
  private int flushAt = FIRST_FLUSH;

  RowFeed(InteractionReader reader, Scorecard card, BadRows badRows, CaseRows caseRows) {
    this.reader = reader;
    this.card = card;
    this.badRows = badRows;
    this.caseRows = caseRows;
    List<String> header = reader.header();
    this.columnCount = header.size();
    this.kind = header.indexOf("kind");
    this.customer = header.indexOf("customer_id");
    this.instant = header.indexOf("instant");
    this.channel = header.indexOf("channel");
    this.stage = header.indexOf("stage");
    this.touchpoint = header.indexOf("touchpoint");
    this.question = header.indexOf("question");
    this.score = header.indexOf("score");
    this.weight = header.indexOf("weight");
    this.columnar = reader.isCsv() && card.takesBatches() && question >= 0
        && header.stream().noneMatch(h -> h.startsWith("attr."));
    this.starts = new int[columnCount + 1];
    this.ends = new int[columnCount + 1];
  }

  /** The rows that took the common-shape path (for tests). */
  long fastRows() {
    return fastRows;
  }

  /** The lines taken in place from the reader ({@link #take}): rows it never returned. */
  long takenLines() {
    return takenLines;
  }

  /**
   * Tells the consumer, at each recording of the batch, how many lines were taken in place
   * since it was last told (for a progress count, without a test per line).
   */
  void onFlush(LongConsumer consumer) {
    this.onFlush = consumer;
  }

  /**
   * The general way for a parsed row: its interaction into the scorecard.
   *
   * @return why the row is bad (it has a problem, or the scorecard refused it), or null
   */
  static @Nullable String apply(InteractionReader.Row row, Scorecard card) {
    Interaction i = row.interaction();
    String problem = row.problem();
    if (i != null && problem == null) {
      try {
        card.accept(i);
      } catch (IllegalArgumentException e) {
        problem = String.valueOf(e.getMessage());
      }
    }
    return problem;
  }

  /** Whether a bad row asked to stop. */
  boolean stopped() {
    return stopped;
  }

  /**
   * Takes a line of the reader in place when it is a row of the common shape (see
   * {@link InteractionReader#takeLines}); any other line is left to the reader.
   */
  @Override
  public int take(byte[] bytes, int from, int limit, long number) {
    if (!columnar || stopped) {
      return -1;
    }
    int end = fast(bytes, from, limit, false);
    if (end >= 0) {
      keep(bytes, from, end, number);
      takenLines++;
    }
    return end;
  }

  /** Takes one record. */
  void feed(InteractionReader.Raw raw) {
    String text = raw.text();
    if (columnar && text != null && !raw.quoted()) {
      int from = keptFrom[batch.size()];
      int to = copyAscii(text, from);
      if (to >= 0 && fast(kept, from, to, true) >= 0) {
        keep(kept, from, to, raw.line());
        return;
      }
    }
    general(raw);
  }

  /** Feeds what is batched; call at the end of the input. */
  void finish() {
    flush();
  }

  /**
   * Takes a row parsed by the caller, the general way.
   *
   * @param row the row
   * @param refusal why the caller refuses it (a repeated case event), or null
   */
  void feedRow(InteractionReader.Row row, @Nullable String refusal) {
    String problem = refusal != null ? refusal : apply(row, card);
    if (problem != null) {
      reportBad(row.line(), problem);
    }
  }

  private void reportBad(long line, String problem) {
    // Rows batched before this one come first in line order: feed them before reporting it.
    flush();
    if (!stopped && badRows.bad(line, problem)) {
      stopped = true;
    }
  }

  /** The general way; a valid survey answer joins the batch and teaches its texts. */
  private void general(InteractionReader.Raw raw) {
    InteractionReader.Row row = reader.parse(raw);
    String problem = row.problem();
    Interaction i = row.interaction();
    if (problem == null && i instanceof CaseEvent e) {
      problem = caseRows.check(e, row.line());
    } else if (problem == null && columnar && !raw.quoted() && i instanceof SurveyResponse r) {
      learn(raw, r);
      return;
    }
    if (problem == null) {
      problem = apply(row, card);
    }
    if (problem != null) {
      reportBad(row.line(), problem);
    }
  }

  /**
   * A valid survey answer of an unquoted record, into the batch; an ASCII one teaches the
   * dictionaries its texts, so that rows like it take the common-shape path.
   */
  private void learn(InteractionReader.Raw raw, SurveyResponse r) {
    // Texts already known give their ids from the dictionaries (rows with a weight come this
    // way every time); the batch works out a profile only for texts met for the first time.
    int from = keptFrom[batch.size()];
    int to = copyAscii(Objects.requireNonNull(raw.text()), from);
    boolean cut = to >= 0 && split(kept, from, to, true) >= 0;
    int p = cut ? profiles.find(kept, starts, ends, channel, stage, touchpoint) : -1;
    if (p < 0) {
      p = batch.profile(r.channel(), r.stage(), r.touchpoint(), r.attributes());
      if (cut) {
        profiles.add(kept, starts, ends, p, channel, stage, touchpoint);
      }
    }
    int q = cut ? questions.find(kept, starts, ends, question, -1, -1) : -1;
    if (q < 0) {
      q = batch.question(r.question());
      if (cut) {
        questions.add(kept, starts, ends, q, question, -1, -1);
      }
    }
    long millis = r.instant().toEpochMilli();
    Integer s = r.score();
    if (s == null) {
      batch.addBlank(p, millis, q, r.weight());
    } else {
      batch.add(p, millis, q, s, r.weight());
    }
    int k = batch.size() - 1;
    pending[k] = raw;
    anyPending = true;
    keptFrom[k + 1] = keptFrom[k];
    queued();
  }

  /**
   * Copies an ASCII text into the kept bytes at {@code from} (growing them); the end of the
   * copy, or -1 when the text is not ASCII.
   */
  private int copyAscii(String text, int from) {
    int n = text.length();
    if (kept.length - from < n) {
      kept = Arrays.copyOf(kept, Math.max(kept.length * 2, from + n));
    }
    byte[] k = kept;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      k[from + i] = (byte) c;
    }
    return from + n;
  }

  /** The batch's last row came from bytes[from, to) at a line: its bytes are kept for a replay. */
  private void keep(byte[] bytes, int from, int to, long line) {
    int k = batch.size() - 1;
    int at = keptFrom[k];
    int n = to - from;
    if (bytes != kept || from != at) {
      if (kept.length - at < n) {
        kept = Arrays.copyOf(kept, Math.max(kept.length * 2, at + n));
      }
      System.arraycopy(bytes, from, kept, at, n);
    }
    // pending[k] is null already: flush clears what the general way set (see anyPending).
    lineOf[k] = line;
    keptFrom[k + 1] = at + n;
    fastRows++;
    queued();
  }

  /**
   * Whether a record may be a case row: it holds "case" in any letter case (a kind of "case"
   * does), or a backslash (a JSON escape such as {@code \u0063ase} may spell it).
   * Conservative: a row it passes by is certainly not a case row.
   */
  static boolean mayBeCase(InteractionReader.Raw raw) {
    String t = raw.text();
    if (t == null) {
      return false;
    }
    if (t.indexOf('\\') >= 0) {
      return true;
    }
    for (int i = 0, n = t.length() - 3; i < n; i++) {
      // c | 0x20 is 'c' only for 'c' and 'C' (and so on): a case-blind ASCII match.
      if ((t.charAt(i) | 0x20) == 'c' && (t.charAt(i + 1) | 0x20) == 'a'
          && (t.charAt(i + 2) | 0x20) == 's' && (t.charAt(i + 3) | 0x20) == 'e') {
        return true;
      }
    }
    return false;
  }

  private void queued() {
    if (batch.size() >= flushAt || keptFrom[batch.size()] > MAX_KEPT_BYTES) {
      flush();
    }
  }

  private void flush() {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    flushAt = Math.min(BATCH, flushAt * 2);
    onFlush.accept(takenLines - toldTaken);
    toldTaken = takenLines;
    try {
      card.accept(batch);
    } catch (IllegalArgumentException refused) {
      // Nothing of the batch was recorded: each row again, the general way, for its message.
      for (int k = 0; k < n && !stopped; k++) {
        InteractionReader.Raw raw = pending[k];
        if (raw == null) {
          // Kept bytes are ASCII: one char per byte.
          raw = new InteractionReader.Raw(lineOf[k], new String(kept, keptFrom[k],
              keptFrom[k + 1] - keptFrom[k], StandardCharsets.ISO_8859_1), false, null);
        }
        InteractionReader.Row row = reader.parse(raw);
        String problem = apply(row, card);
        if (problem != null && badRows.bad(row.line(), problem)) {
          stopped = true;
        }
      }
    }
    // Only when some row came the general way: most batches hold none, and the fill, run once
    // per batch, was compiled again and again by the JIT (five times in a 5 M-row run).
    if (anyPending) {
      Arrays.fill(pending, 0, n, null);
      anyPending = false;
    }
    keptFrom[0] = 0;
    batch.clear();
  }

  /**
   * A row of the common shape from bytes[from, ...), straight into the batch: the row's end
   * (see {@link #split}), or -1 to take the general way.
   */
  private int fast(byte[] t, int from, int limit, boolean endsAtLimit) {
    int end = split(t, from, limit, endsAtLimit);
    return end >= 0 && common(t) ? end : -1;
  }

  /** Whether the fields just cut are a row of the common shape; if so, it is in the batch. */
  private boolean common(byte[] t) {
    if (!is(t, kind, SURVEY)) {
      return false;
    }
    int cs = starts[customer];
    int ce = ends[customer];
    if (ce == cs || ce - cs > 4096) {
      return false;
    }
    for (int i = cs; i < ce; i++) {
      if (t[i] <= ' ' || t[i] > '~') {
        return false;
      }
    }
    long millis = millis(t);
    if (millis == Long.MIN_VALUE || !trimmed(t, channel) || !trimmed(t, stage)
        || !trimmed(t, touchpoint) || !trimmed(t, question) || !trimmed(t, score)
        || (weight >= 0 && ends[weight] != starts[weight])) {
      return false;
    }
    int p = profiles.find(t, starts, ends, channel, stage, touchpoint);
    int q = p < 0 ? -1 : questions.find(t, starts, ends, question, -1, -1);
    if (q < 0) {
      return false; // a text not seen yet: the general way checks it and teaches it
    }
    int ss = score < 0 ? 0 : starts[score];
    int se = score < 0 ? 0 : ends[score];
    if (se == ss) {
      batch.addBlank(p, millis, q);
    } else {
      int v = smallInt(t, ss, se);
      if (v == Integer.MIN_VALUE) {
        return false;
      }
      batch.add(p, millis, q, v);
    }
    return true;
  }

  /**
   * The field bounds of an ASCII record without quotes from bytes[from, ...), as
   * {@code unquotedFields} cuts them (before its trim), in the pass that finds the record's
   * end: a line terminator (LF or CR) before {@code limit}, or {@code limit} itself when
   * {@code endsAtLimit}. Returns that end, or -1 when there is none, when a byte is not ASCII
   * or is a quote, or when the field count is not the header's.
   */
  private int split(byte[] t, int from, int limit, boolean endsAtLimit) {
    int last = columnCount - 1;
    int f = 0;
    int start = from;
    int i = from;
    for (; i < limit; i++) {
      byte c = t[i];
      if (c > '"') { // most bytes: one comparison, then the comma's
        if (c == ',') {
          if (f == last) {
            return -1;
          }
          starts[f] = start;
          ends[f] = i;
          f++;
          start = i + 1;
        }
      } else if (c == '\n' || c == '\r') {
        break;
      } else if (c < 0 || c == '"') {
        return -1; // not ASCII, or quoted: the general way
      }
    }
    if ((i == limit && !endsAtLimit) || f != last) {
      return -1;
    }
    starts[f] = start;
    ends[f] = i;
    return i;
  }

  /** Whether column c (absent: empty) holds no blank at either end (trim would change it). */
  private boolean trimmed(byte[] t, int c) {
    if (c < 0 || ends[c] == starts[c]) {
      return true;
    }
    return t[starts[c]] > ' ' && t[ends[c] - 1] > ' ';
  }

  private boolean is(byte[] t, int c, byte[] value) {
    return c >= 0 && equal(value, t, starts[c], ends[c]);
  }

  /**
   * Whether bytes[from, to) spell a text: a plain loop, as the texts are short (a call to
   * {@link Arrays#equals(byte[], int, int, byte[], int, int)} costs more than it saves).
   */
  static boolean equal(byte[] text, byte[] bytes, int from, int to) {
    if (to - from != text.length) {
      return false;
    }
    for (int i = 0; i < text.length; i++) {
      if (text[i] != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The instant's epoch milliseconds when it has the common shape and range, else MIN_VALUE. */
  private long millis(byte[] t) {
    if (instant < 0 || !trimmed(t, instant)) {
      return Long.MIN_VALUE;
    }
    long m = FastInstant.epochMillis(t, starts[instant], ends[instant]);
    // Out of range goes the general way, which words the error (milliseconds floor the
    // instant, so an instant is in [MIN, MAX) exactly when its milliseconds are).
    return m == FastInstant.NONE || m < MIN_MILLIS || m >= MAX_MILLIS ? Long.MIN_VALUE : m;
  }

  /** An optional sign and 1 to 9 ASCII digits, else MIN_VALUE (the general way decides). */
  private static int smallInt(byte[] t, int from, int to) {
    boolean negative = false;
    int i = from;
    byte first = t[i];
    if (first == '+' || first == '-') {
      negative = first == '-';
      i++;
    }
    if (to - i < 1 || to - i > 9) {
      return Integer.MIN_VALUE;
    }
    int v = 0;
    for (; i < to; i++) {
      int d = t[i] - '0';
      if (d < 0 || d > 9) {
        return Integer.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /**
   * Ids by the ASCII texts of up to three columns, compared in place (no string per lookup):
   * an open-addressing table of the texts seen, which are few (channels, stages, questions).
   */
  private static final class TextTable {
    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final byte[] EMPTY = new byte[0];
    private final int width;
    private byte[][][] keys = new byte[64][][];
    private int[] ids = new int[64];
    private int[] hashes = new int[64];
    private int size;
    // The keys whose texts all have at most seven bytes, packed (see pack); id + 1, 0 if empty.
    private long[] packed0 = new long[64];
    private long[] packed1 = new long[64];
    private long[] packed2 = new long[64];
    private int[] packedIds = new int[64];
    private int packedSize;

    TextTable(int width) {
      this.width = width;
    }

    private static int column(int j, int a, int b, int c) {
      return j == 0 ? a : j == 1 ? b : c;
    }

    private static int hash(byte[] t, int[] s, int[] e, int a, int b, int c) {
      int h = 1;
      for (int j = 0; j < 3; j++) {
        int col = column(j, a, b, c);
        h = h * 31 + 7;
        if (col >= 0) {
          for (int i = s[col]; i < e[col]; i++) {
            h = h * 31 + t[i];
          }
        }
      }
      return h ^ (h >>> 16);
    }

    int find(byte[] t, int[] s, int[] e, int a, int b, int c) {
      long k0 = pack(t, s, e, a);
      long k1 = pack(t, s, e, b);
      long k2 = pack(t, s, e, c);
      if ((k0 | k1 | k2) >= 0) {
        // Short texts (the usual channels and questions): one pass over the bytes, then longs
        // compared; every short key of the table is in the packed table too.
        int pmask = packedIds.length - 1;
        for (int slot = packedSlot(k0, k1, k2, pmask); ; slot = (slot + 1) & pmask) {
          int id = packedIds[slot];
          if (id == 0) {
            return -1;
          }
          if (packed0[slot] == k0 && packed1[slot] == k1 && packed2[slot] == k2) {
            return id - 1;
          }
        }
      }
      int mask = keys.length - 1;
      for (int slot = hash(t, s, e, a, b, c) & mask; ; slot = (slot + 1) & mask) {
        byte[][] k = keys[slot];
        if (k == null) {
          return -1;
        }
        if (same(k, t, s, e, a, b, c)) {
          return ids[slot];
        }
      }
    }

    private boolean same(byte[][] k, byte[] t, int[] s, int[] e, int a, int b, int c) {
      for (int j = 0; j < width; j++) {
        int col = column(j, a, b, c);
        int from = col < 0 ? 0 : s[col];
        int to = col < 0 ? 0 : e[col];
        if (!equal(k[j], t, from, to)) {
          return false;
        }
      }
      return true;
    }

    void add(byte[] t, int[] s, int[] e, int id, int a, int b, int c) {
      if ((size + 1) * 2 > keys.length) {
        grow();
      }
      byte[][] k = new byte[width][];
      for (int j = 0; j < width; j++) {
        int col = column(j, a, b, c);
        k[j] = col < 0 ? EMPTY : Arrays.copyOfRange(t, s[col], e[col]);
      }
      put(k, id, hash(t, s, e, a, b, c));
      size++;
      long k0 = pack(t, s, e, a);
      long k1 = pack(t, s, e, b);
      long k2 = pack(t, s, e, c);
      if ((k0 | k1 | k2) >= 0) {
        if ((packedSize + 1) * 2 > packedIds.length) {
          growPacked();
        }
        putPacked(k0, k1, k2, id);
        packedSize++;
      }
    }

    /**
     * Up to seven ASCII bytes of a column and their count in one long ({@code 0} for an absent
     * column, which reads as empty, as in the byte table), or -1 for a longer text or one with
     * a byte that is not ASCII (which seven bits would confuse with another).
     */
    private static long pack(byte[] t, int[] s, int[] e, int col) {
      if (col < 0) {
        return 0;
      }
      int from = s[col];
      int len = e[col] - from;
      if (len > 7) {
        return -1;
      }
      long v;
      if (from + 8 <= t.length) {
        // Eight bytes at once, little-endian (byte i at bits 8i, as below), those past the text
        // masked off: the same long the loop makes.
        v = (long) LONGS.get(t, from) & ((1L << (8 * len)) - 1);
      } else {
        v = 0;
        for (int i = 0; i < len; i++) {
          v |= (t[from + i] & 0xFFL) << (8 * i);
        }
      }
      return (v & 0x8080_8080_8080_8080L) != 0 ? -1 : v | (long) len << 56;
    }

    private static int packedSlot(long k0, long k1, long k2, int mask) {
      long x = k0 * 0x9E3779B97F4A7C15L + k1 * 0xC2B2AE3D27D4EB4FL + k2 * 0x165667B19E3779F9L;
      return (int) (x ^ (x >>> 29) ^ (x >>> 47)) & mask;
    }

    private void putPacked(long k0, long k1, long k2, int id) {
      int mask = packedIds.length - 1;
      int slot = packedSlot(k0, k1, k2, mask);
      while (packedIds[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      packed0[slot] = k0;
      packed1[slot] = k1;
      packed2[slot] = k2;
      packedIds[slot] = id + 1;
    }

    private void growPacked() {
      long[] o0 = packed0;
      long[] o1 = packed1;
      long[] o2 = packed2;
      int[] oIds = packedIds;
      packed0 = new long[o0.length * 2];
      packed1 = new long[o0.length * 2];
      packed2 = new long[o0.length * 2];
      packedIds = new int[o0.length * 2];
      for (int i = 0; i < oIds.length; i++) {
        if (oIds[i] != 0) {
          putPacked(o0[i], o1[i], o2[i], oIds[i] - 1);
        }
      }
    }

    private void put(byte[][] k, int id, int hash) {
      int mask = keys.length - 1;
      int slot = hash & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = k;
      ids[slot] = id;
      hashes[slot] = hash;
    }

    private void grow() {
      byte[][][] oldKeys = keys;
      int[] oldIds = ids;
      int[] oldHashes = hashes;
      keys = new byte[oldKeys.length * 2][][];
      ids = new int[oldKeys.length * 2];
      hashes = new int[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        byte[][] k = oldKeys[i];
        if (k != null) {
          put(k, oldIds[i], oldHashes[i]);
        }
      }
    }
  }
}
