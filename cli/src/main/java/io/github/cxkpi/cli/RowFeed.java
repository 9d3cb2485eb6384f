package io.github.cxkpi.cli;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.SurveyBatch;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Feeds one reader's records to one scorecard, survey answers in columns: a CSV survey row of
 * the common shape (no quote, no attribute column, fields without surrounding blanks, an
 * ASCII customer id, an instant of the common shape, an integer score and no weight) whose
 * profile and question texts were seen before goes straight into a {@link SurveyBatch}, with
 * no object and no string per field. Every other record takes the general way (parsed into an
 * interaction, checked and worded as always), and a valid survey answer found that way
 * teaches the dictionaries its texts. When a batch is refused (a score off a scale), its rows
 * are fed again one by one the general way, so each bad row is reported as it always is.
 *
 * <p>Only for scorecards whose figures do not depend on the order of the rows (no allowed
 * lateness): batched rows reach the scorecard later than the rows around them. Bad rows are
 * still reported in line order: the batch is fed before any later row is reported bad.
 *
 * <p>Not thread-safe: one per reading thread.
 */
final class RowFeed {
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
  private static final long MIN_MILLIS = Interaction.MIN_INSTANT.toEpochMilli();
  private static final long MAX_MILLIS = Interaction.MAX_INSTANT.toEpochMilli();

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
  private final InteractionReader.Raw[] pending = new InteractionReader.Raw[BATCH];
  private final int[] starts;
  private final int[] ends;
  // Texts seen -> ids: profiles by their (channel, stage, touchpoint) texts, questions by text.
  private final TextTable profiles = new TextTable(3);
  private final TextTable questions = new TextTable(1);
  private boolean stopped;
  private long fastRows;

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

  /** Takes one record. */
  void feed(InteractionReader.Raw raw) {
    String text = raw.text();
    if (columnar && text != null && !raw.quoted() && fast(text, raw)) {
      return;
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
    } else if (problem == null && columnar && !raw.quoted() && i instanceof SurveyResponse r
        && split(raw.text())) {
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

  /** A valid survey answer of an unquoted row (split): its texts' ids, then into the batch. */
  private void learn(InteractionReader.Raw raw, SurveyResponse r) {
    String t = Objects.requireNonNull(raw.text());
    int p = profiles.find(t, starts, ends, channel, stage, touchpoint);
    if (p < 0) {
      p = batch.profile(r.channel(), r.stage(), r.touchpoint(), r.attributes());
      profiles.add(t, starts, ends, p, channel, stage, touchpoint);
    }
    int q = questions.find(t, starts, ends, question, -1, -1);
    if (q < 0) {
      q = batch.question(r.question());
      questions.add(t, starts, ends, q, question, -1, -1);
    }
    long millis = r.instant().toEpochMilli();
    Integer s = r.score();
    if (s == null) {
      batch.addBlank(p, millis, q, r.weight());
    } else {
      batch.add(p, millis, q, s, r.weight());
    }
    queued(raw);
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

  private void queued(InteractionReader.Raw raw) {
    pending[batch.size() - 1] = raw;
    if (batch.size() == BATCH) {
      flush();
    }
  }

  private void flush() {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    try {
      card.accept(batch);
    } catch (IllegalArgumentException refused) {
      // Nothing of the batch was recorded: each row again, the general way, for its message.
      for (int k = 0; k < n && !stopped; k++) {
        InteractionReader.Row row = reader.parse(pending[k]);
        String problem = apply(row, card);
        if (problem != null && badRows.bad(row.line(), problem)) {
          stopped = true;
        }
      }
    }
    java.util.Arrays.fill(pending, 0, n, null);
    batch.clear();
  }

  /** The common shape, straight into the batch; {@code false} to take the general way. */
  private boolean fast(String t, InteractionReader.Raw raw) {
    if (!split(t) || !is(t, kind, "survey")) {
      return false;
    }
    int cs = starts[customer];
    int ce = ends[customer];
    if (ce == cs || ce - cs > 4096) {
      return false;
    }
    for (int i = cs; i < ce; i++) {
      char c = t.charAt(i);
      if (c <= ' ' || c > '~') {
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
    fastRows++;
    queued(raw);
    return true;
  }

  /**
   * The field bounds of a record without quotes, as {@code unquotedFields} cuts them (before
   * its trim); {@code false} when the field count is not the header's.
   */
  private boolean split(@Nullable String t) {
    if (t == null) {
      return false;
    }
    int f = 0;
    int from = 0;
    for (int i = t.indexOf(','); i >= 0; i = t.indexOf(',', from)) {
      if (f == columnCount) {
        return false;
      }
      starts[f] = from;
      ends[f] = i;
      f++;
      from = i + 1;
    }
    if (f != columnCount - 1) {
      return false;
    }
    starts[f] = from;
    ends[f] = t.length();
    return true;
  }

  /** Whether column c (absent: empty) holds no blank at either end (trim would change it). */
  private boolean trimmed(String t, int c) {
    if (c < 0 || ends[c] == starts[c]) {
      return true;
    }
    return t.charAt(starts[c]) > ' ' && t.charAt(ends[c] - 1) > ' ';
  }

  private boolean is(String t, int c, String value) {
    return c >= 0 && ends[c] - starts[c] == value.length()
        && t.regionMatches(starts[c], value, 0, value.length());
  }

  /** The instant's epoch milliseconds when it has the common shape and range, else MIN_VALUE. */
  private long millis(String t) {
    if (instant < 0 || !trimmed(t, instant)) {
      return Long.MIN_VALUE;
    }
    long m = FastInstant.epochMillis(t, starts[instant], ends[instant]);
    // Out of range goes the general way, which words the error (milliseconds floor the
    // instant, so an instant is in [MIN, MAX) exactly when its milliseconds are).
    return m == FastInstant.NONE || m < MIN_MILLIS || m >= MAX_MILLIS ? Long.MIN_VALUE : m;
  }

  /** An optional sign and 1 to 9 ASCII digits, else MIN_VALUE (the general way decides). */
  private static int smallInt(String t, int from, int to) {
    boolean negative = false;
    int i = from;
    char first = t.charAt(i);
    if (first == '+' || first == '-') {
      negative = first == '-';
      i++;
    }
    if (to - i < 1 || to - i > 9) {
      return Integer.MIN_VALUE;
    }
    int v = 0;
    for (; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  /**
   * Ids by the texts of up to three columns, compared in place (no string per lookup): an
   * open-addressing table of the texts seen, which are few (channels, stages, questions).
   */
  private static final class TextTable {
    private final int width;
    private String[][] keys = new String[64][];
    private int[] ids = new int[64];
    private int[] hashes = new int[64];
    private int size;

    TextTable(int width) {
      this.width = width;
    }

    private static int column(int j, int a, int b, int c) {
      return j == 0 ? a : j == 1 ? b : c;
    }

    private static int hash(String t, int[] s, int[] e, int a, int b, int c) {
      int h = 1;
      for (int j = 0; j < 3; j++) {
        int col = column(j, a, b, c);
        h = h * 31 + 7;
        if (col >= 0) {
          for (int i = s[col]; i < e[col]; i++) {
            h = h * 31 + t.charAt(i);
          }
        }
      }
      return h ^ (h >>> 16);
    }

    int find(String t, int[] s, int[] e, int a, int b, int c) {
      int mask = keys.length - 1;
      for (int slot = hash(t, s, e, a, b, c) & mask; ; slot = (slot + 1) & mask) {
        String[] k = keys[slot];
        if (k == null) {
          return -1;
        }
        if (same(k, t, s, e, a, b, c)) {
          return ids[slot];
        }
      }
    }

    private boolean same(String[] k, String t, int[] s, int[] e, int a, int b, int c) {
      for (int j = 0; j < width; j++) {
        int col = column(j, a, b, c);
        int len = col < 0 ? 0 : e[col] - s[col];
        if (k[j].length() != len || (len > 0 && !t.regionMatches(s[col], k[j], 0, len))) {
          return false;
        }
      }
      return true;
    }

    void add(String t, int[] s, int[] e, int id, int a, int b, int c) {
      if ((size + 1) * 2 > keys.length) {
        grow();
      }
      String[] k = new String[width];
      for (int j = 0; j < width; j++) {
        int col = column(j, a, b, c);
        k[j] = col < 0 ? "" : t.substring(s[col], e[col]);
      }
      put(k, id, hash(t, s, e, a, b, c));
      size++;
    }

    private void put(String[] k, int id, int hash) {
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
      String[][] oldKeys = keys;
      int[] oldIds = ids;
      int[] oldHashes = hashes;
      keys = new String[oldKeys.length * 2][];
      ids = new int[oldKeys.length * 2];
      hashes = new int[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        String[] k = oldKeys[i];
        if (k != null) {
          put(k, oldIds[i], oldHashes[i]);
        }
      }
    }
  }
}
