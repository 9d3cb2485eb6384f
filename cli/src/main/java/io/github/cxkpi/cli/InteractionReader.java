package io.github.cxkpi.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads interactions one row at a time from CSV or JSON Lines. A row that cannot be an
 * interaction is returned as bad, with its line number and the reason, and reading goes on
 * with the next row: a malformed JSON line, a value of the wrong JSON type, a duplicate key, an
 * unclosed CSV quote (reported at the line it opens on; the lines after it are read again as
 * rows), a line over {@link InputLines#MAX_LINE_CHARS}, a number that is not plain ASCII
 * digits. What stops the whole input is what makes every row doubtful: bytes the charset cannot
 * decode, and a CSV header that is unknown, repeated or lacks a required column.
 *
 * <p>The CSV header names the columns; the order is free and unknown columns are refused:
 *
 * <pre>
 * kind         survey | contact | case                            required
 * customer_id  the customer                                       required
 * instant      ISO-8601 with offset, e.g. 2026-03-02T09:15:00Z    required
 * channel      web, app, email, phone, chat, store, ...           default unknown
 * stage        awareness | consideration | purchase | post-purchase   default post-purchase
 * touchpoint   e.g. checkout                                      optional
 * question     survey: the question id (nps, csat, ces, fcr)      required for surveys
 * score        survey: an integer; empty for a blank answer       optional
 * weight       survey: a positive number                          default 1
 * reason       contact: the contact reason                        optional
 * case_id      contact: the case (ticket); case: required         optional
 * agent        contact, case: the agent                           optional
 * resolved     contact: true/false, yes/no, 1/0                   default false
 * wait         contact: queued to answered (or abandoned)         optional
 * handle       contact: talk + hold + wrap-up                     optional
 * abandoned    contact: left the queue unanswered, true/false     default false
 * status       case: opened, first_response, solved, reopened, closed   required for cases
 * opened       case: when the case was opened, ISO-8601           default the instant
 * solved       case: when it was (last) solved, ISO-8601          optional
 * reopen_count case: reopens before this event, an integer        default 0
 * within_sla   case: the source's SLA flag, true/false            optional
 * pending      case: time pending on the requester up to the solve optional
 * attr.NAME    a free attribute NAME for segmentation             optional, any number
 * </pre>
 *
 * <p>Durations ({@code wait}, {@code handle}, {@code pending}) are seconds (a decimal number, e.g. 12.5) or
 * ISO-8601 durations (e.g. PT2M30S).
 *
 * <p>JSON Lines: one object per line with the same names, attributes either as
 * {@code "attr.NAME"} members or in an {@code "attributes"} object. Types are strict: text
 * fields are JSON strings, {@code score} and {@code reopen_count} JSON integers, {@code weight} a JSON
 * number, {@code wait}, {@code handle} and {@code pending} a JSON number (seconds) or string (ISO-8601),
 * {@code resolved}, {@code abandoned} and {@code within_sla} JSON booleans; {@code null} is the same as an absent field.
 */
final class InteractionReader implements Closeable {

  /** A row read: an interaction, or the reason it is bad. */
  record Row(long line, @Nullable Interaction interaction, @Nullable String problem) {}

  /**
   * A record cut from the input, not yet parsed: its first line's number and its text (several
   * lines when a quoted field spans them), or the reason it is bad. Cutting is sequential;
   * {@link #parse(Raw)} is not, so that parsing can run on other threads.
   *
   * @param line the record's first line
   * @param text the record, or {@code null} when it is bad
   * @param quoted whether the record holds a quote (CSV: it goes to Commons CSV)
   * @param problem why the record is bad, or {@code null}
   */
  record Raw(long line, @Nullable String text, boolean quoted, @Nullable String problem) {}

  /** The input formats. */
  enum Format {
    /** Comma-separated values with a header. */
    CSV,
    /** One JSON object per line. */
    JSONL
  }

  /** The whole input is refused (a bad header): no row can be trusted. */
  static final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
      super(message);
    }
  }

  static final Set<String> COLUMNS = Set.of("kind", "customer_id", "instant", "channel",
      "stage", "touchpoint", "question", "score", "weight", "reason", "case_id", "agent",
      "resolved", "wait", "handle", "abandoned", "status", "opened", "solved", "reopen_count",
      "within_sla", "pending");
  static final List<String> REQUIRED = List.of("kind", "customer_id", "instant");
  private static final Set<String> INTEGER_FIELDS = Set.of("score", "reopen_count");
  private static final Set<String> NUMBER_FIELDS = Set.of("weight");
  private static final Set<String> DURATION_FIELDS = Set.of("wait", "handle", "pending");
  private static final Set<String> BOOLEAN_FIELDS = Set.of("resolved", "abandoned",
      "within_sla");
  // Only ASCII digits: Integer.parseInt would also take full-width or Arabic-Indic digits.
  static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final Pattern DECIMAL =
      Pattern.compile("[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

  /** The JSON reader, made on first use: building it costs a CSV report a tenth of a second. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private final InputLines lines;
  private final Format format;
  private final List<String> header;
  // Column name -> position in the header; unique names (the header check refuses repeats).
  private final Map<String, Integer> columns;
  private final boolean hasAttributes;
  // Set when a quoted field was still open at the end of the input: a part of a file cut at a
  // line that was inside a record (see ChunkedRead).
  private boolean endedInOpenQuote;
  // Takes CSV lines in place before they become records (see takeLines), or null.
  private InputLines.@Nullable LineFilter lineFilter;

  private InteractionReader(InputLines lines, Format format, List<String> header) {
    this.lines = lines;
    this.format = format;
    this.header = header;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i), i);
    }
    this.columns = Map.copyOf(index);
    this.hasAttributes = header.stream().anyMatch(h -> h.startsWith("attr."));
  }

  /**
   * Opens an input: for CSV, reads and checks the header before any row.
   *
   * @throws BadInputException when the CSV header is missing, malformed, repeats a column,
   *     names an unknown one or lacks a required one
   * @throws InputLines.UndecodableException when the header's bytes are not in the charset
   */
  static InteractionReader open(InputStream in, Charset charset, Format format)
      throws IOException {
    InputLines lines = new InputLines(in, charset);
    if (format == Format.JSONL) {
      return new InteractionReader(lines, format, List.of());
    }
    InteractionReader reader = new InteractionReader(lines, format, List.of());
    InputLines.Line first = reader.nextNonBlank(null);
    if (first == null) {
      throw new BadInputException("the input is empty: a CSV header is required (columns "
          + REQUIRED + ", see report --help)");
    }
    if (first.tooLong()) {
      throw new BadInputException("line " + first.number() + ": the CSV header is longer than "
          + InputLines.MAX_LINE_CHARS + " characters");
    }
    List<String> names;
    try {
      names = fields(first.text());
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("line " + first.number() + ": the CSV header is malformed: "
          + e.getMessage());
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String h : names) {
      if (!COLUMNS.contains(h) && !(h.startsWith("attr.") && h.length() > 5)) {
        throw new BadInputException("line " + first.number() + ": unknown CSV column '" + h
            + "' in the header; known: " + new TreeSet<>(COLUMNS) + " and attr.NAME");
      }
      if (!seen.add(h)) {
        throw new BadInputException("line " + first.number() + ": the CSV header names column '"
            + h + "' twice");
      }
    }
    for (String required : REQUIRED) {
      if (!seen.contains(required)) {
        throw new BadInputException("line " + first.number() + ": the CSV header lacks the "
            + "required column '" + required + "' (it has " + names + ")");
      }
    }
    return new InteractionReader(lines, format, List.copyOf(names));
  }

  /**
   * Opens a part of an input that starts at a line boundary after the header: its rows are
   * read with the header already read from the input's start; line numbers count from 1 within
   * the part (see {@link #lineCount()}).
   */
  static InteractionReader part(InputStream in, Charset charset, Format format,
      List<String> header) {
    return new InteractionReader(new InputLines(in, charset, false), format, header);
  }

  /**
   * Offers each CSV line that may start a record, and is ASCII, to a filter first: a line it
   * takes is counted but never becomes a record of {@link #nextRaw()}. Lines inside a quoted
   * field that spans lines, and lines read again after one that did not close, are not offered.
   * Not for a reader whose records are parsed on other threads: the filter runs on the reading
   * thread.
   *
   * @param filter the filter, or {@code null} for none
   */
  void takeLines(InputLines.@Nullable LineFilter filter) {
    this.lineFilter = filter;
  }

  /** Whether the input is CSV (else JSON lines). */
  boolean isCsv() {
    return format == Format.CSV;
  }

  /** The header's column names (empty for JSON lines). */
  List<String> header() {
    return header;
  }

  /** The physical lines read so far, header and blank lines included. */
  long lineCount() {
    return lines.lineCount();
  }

  /** Whether a quoted field was still open when the input ended. */
  boolean endedInOpenQuote() {
    return endedInOpenQuote;
  }

  static List<String> fields(String record) throws IOException {
    try (CSVParser p = CSV.parse(new java.io.StringReader(record))) {
      List<CSVRecord> all = p.getRecords();
      if (all.size() != 1) {
        throw new IOException("expected one record, found " + all.size());
      }
      return all.get(0).toList();
    }
  }

  /**
   * The next row, or {@code null} at the end of the input: {@link #nextRaw()} then
   * {@link #parse(Raw)}.
   *
   * @throws InputLines.UndecodableException when bytes cannot be decoded (the run stops)
   */
  @Nullable Row next() throws IOException {
    Raw raw = nextRaw();
    return raw == null ? null : parse(raw);
  }

  /**
   * The next record, cut but not parsed, or {@code null} at the end of the input. Not
   * thread-safe: one thread cuts the input.
   *
   * @throws InputLines.UndecodableException when bytes cannot be decoded (the run stops)
   */
  @Nullable Raw nextRaw() throws IOException {
    return format == Format.CSV ? nextCsv() : nextJson();
  }

  /**
   * Parses a record: thread-safe (it reads only the header, which never changes), so that many
   * threads may parse what one thread cuts.
   */
  Row parse(Raw raw) {
    String text = raw.text();
    if (text == null) {
      return new Row(raw.line(), null, raw.problem());
    }
    return format == Format.CSV ? parseCsv(raw.line(), text, raw.quoted()) : parseJson(raw.line(), text);
  }

  /** The next line that is not blank (blank lines hold no row), or {@code null} at the end. */
  private InputLines.@Nullable Line nextNonBlank(InputLines.@Nullable LineFilter filter)
      throws IOException {
    InputLines.Line l = lines.next(filter);
    while (l != null && !l.tooLong() && l.text().isBlank()) {
      l = lines.next(filter);
    }
    return l;
  }

  private @Nullable Raw nextJson() throws IOException {
    InputLines.Line l = nextNonBlank(null);
    if (l == null) {
      return null;
    }
    return l.tooLong() ? tooLong(l) : new Raw(l.number(), l.text(), false, null);
  }

  private static Row parseJson(long line, String text) {
    Map<String, String> r;
    try {
      r = flatten(Json.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return new Row(line, null, "malformed JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return new Row(line, null, e.getMessage());
    }
    return row(line, r);
  }

  private static Raw tooLong(InputLines.Line l) {
    return new Raw(l.number(), null, false, "the line is longer than "
        + InputLines.MAX_LINE_CHARS + " characters");
  }

  private @Nullable Raw nextCsv() throws IOException {
    InputLines.Line l = nextNonBlank(lineFilter);
    if (l == null) {
      return null;
    }
    if (l.tooLong()) {
      return tooLong(l);
    }
    // A record runs over several lines while a quoted field is open (an odd number of quotes
    // so far). Should it not close within the line limit or before the end of the input, the
    // record is bad at its first line, and the lines after it are read again as rows.
    String text = l.text();
    long quotes = quotes(text);
    Deque<InputLines.Line> more = new ArrayDeque<>();
    StringBuilder record = null;
    while ((quotes & 1) != 0) {
      InputLines.Line next = lines.next();
      if (next == null || next.tooLong()
          || (record != null ? record.length() : text.length()) + 1
              + next.text().length() > InputLines.MAX_LINE_CHARS) {
        if (next != null) {
          more.addLast(next);
        } else {
          endedInOpenQuote = true;
        }
        lines.pushBack(more);
        return new Raw(l.number(), null, false, "a quoted field opens here and does not close "
            + (next == null ? "before the end of the input" : "within "
                + InputLines.MAX_LINE_CHARS + " characters")
            + "; the lines after it are read again as rows");
      }
      more.addLast(next);
      if (record == null) {
        record = new StringBuilder(text);
      }
      record.append('\n').append(next.text());
      quotes += quotes(next.text());
    }
    return new Raw(l.number(), record == null ? text : record.toString(), quotes != 0, null);
  }

  private Row parseCsv(long line, String text, boolean quoted) {
    List<String> values;
    try {
      // Without a quote, a record's fields are what lies between its commas (RFC 4180), trimmed
      // as the format trims them; any record with a quote goes to Commons CSV.
      values = quoted ? fields(text) : unquotedFields(text);
    } catch (IOException | RuntimeException e) {
      return new Row(line, null, "malformed CSV: " + e.getMessage());
    }
    if (values.size() != header.size()) {
      return new Row(line, null, "has " + values.size() + " fields, the header has "
          + header.size());
    }
    return row(line, new RecordView(columns, header, values, hasAttributes));
  }

  /**
   * A CSV record seen as a map from column name to value: the header's index is built once, so
   * no map is built per row (which cost more than the rest of the row's parsing).
   */
  private static final class RecordView extends AbstractMap<String, String> {
    private final Map<String, Integer> columns;
    private final List<String> header;
    private final List<String> values;

    final boolean hasAttributes;

    RecordView(Map<String, Integer> columns, List<String> header, List<String> values,
        boolean hasAttributes) {
      this.columns = columns;
      this.header = header;
      this.values = values;
      this.hasAttributes = hasAttributes;
    }

    @Override
    public @Nullable String get(Object name) {
      Integer i = columns.get(name);
      return i == null ? null : values.get(i);
    }

    @Override
    public boolean containsKey(Object name) {
      return columns.containsKey(name);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return values.size();
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < values.size();
            }

            @Override
            public Map.Entry<String, String> next() {
              if (i >= values.size()) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, String> e = Map.entry(header.get(i), values.get(i));
              i++;
              return e;
            }
          };
        }
      };
    }
  }

  static List<String> unquotedFields(String record) {
    List<String> out = new java.util.ArrayList<>(16);
    int from = 0;
    for (int i = record.indexOf(','); i >= 0; i = record.indexOf(',', from)) {
      out.add(record.substring(from, i).trim());
      from = i + 1;
    }
    out.add(record.substring(from).trim());
    return out;
  }

  private static long quotes(String s) {
    if (s.indexOf('"') < 0) {
      return 0; // the common case, found by the vectorized search
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  private static Row row(long line, Map<String, String> r) {
    try {
      return new Row(line, parse(r), null);
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Row(line, null, String.valueOf(e.getMessage()));
    }
  }

  /** A JSON object as the CSV row it stands for; wrong types are refused. */
  private static Map<String, String> flatten(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("is not a JSON object but " + type(n));
    }
    Map<String, String> m = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String name = e.getKey();
      JsonNode v = e.getValue();
      if (name.equals("attributes")) {
        if (v.isNull()) {
          continue;
        }
        if (!v.isObject()) {
          throw new IllegalArgumentException("attributes must be a JSON object, was " + type(v));
        }
        for (Map.Entry<String, JsonNode> a : v.properties()) {
          put(m, "attr." + a.getKey(), text("attributes." + a.getKey(), a.getValue()));
        }
      } else if (COLUMNS.contains(name) || (name.startsWith("attr.") && name.length() > 5)) {
        put(m, name, value(name, v));
      } else {
        throw new IllegalArgumentException("unknown field '" + name + "'");
      }
    }
    return m;
  }

  private static void put(Map<String, String> m, String name, String value) {
    if (m.put(name, value) != null) {
      throw new IllegalArgumentException("field '" + name + "' is given twice");
    }
  }

  private static String value(String name, JsonNode v) {
    if (v.isNull()) {
      return "";
    }
    if (INTEGER_FIELDS.contains(name)) {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw new IllegalArgumentException(name + " must be a JSON integer, was " + type(v)
            + (v.isValueNode() ? " " + v : ""));
      }
      return Integer.toString(v.intValue());
    }
    if (NUMBER_FIELDS.contains(name)) {
      if (!v.isNumber()) {
        throw new IllegalArgumentException(name + " must be a JSON number, was " + type(v)
            + (v.isValueNode() ? " " + v : ""));
      }
      return v.asText();
    }
    if (DURATION_FIELDS.contains(name)) {
      if (!v.isNumber() && !v.isTextual()) {
        throw new IllegalArgumentException(name + " must be a JSON number (seconds) or string "
            + "(ISO-8601), was " + type(v) + (v.isValueNode() ? " " + v : ""));
      }
      return v.asText();
    }
    if (BOOLEAN_FIELDS.contains(name)) {
      if (!v.isBoolean()) {
        throw new IllegalArgumentException(name + " must be a JSON boolean, was " + type(v)
            + (v.isValueNode() ? " " + v : ""));
      }
      return v.asText();
    }
    return text(name, v);
  }

  private static String text(String name, JsonNode v) {
    if (v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(name + " must be a JSON string, was " + type(v)
          + (v.isValueNode() ? " " + v : ""));
    }
    return v.textValue();
  }

  private static String type(JsonNode v) {
    return switch (v.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case NULL -> "null";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String get(Map<String, String> r, String name) {
    String v = r.get(name);
    return v == null ? "" : v.trim();
  }

  private static String required(Map<String, String> r, String name) {
    String v = get(r, name);
    if (v.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return v;
  }

  private static @Nullable String optional(Map<String, String> r, String name) {
    String v = get(r, name);
    return v.isEmpty() ? null : v;
  }

  static Interaction parse(Map<String, String> r) {
    String kind = required(r, "kind").toLowerCase(Locale.ROOT);
    String customer = required(r, "customer_id");
    Instant instant = instant(required(r, "instant"));
    String ch = optional(r, "channel");
    Channel channel = ch == null ? Channel.UNKNOWN : Channel.of(ch);
    JourneyStage stage = stage(optional(r, "stage"));
    String touchpoint = optional(r, "touchpoint");
    Map<String, String> attributes = new HashMap<>();
    // A CSV header without attr.* columns has no attribute to look for in each row.
    boolean any = !(r instanceof RecordView v) || v.hasAttributes;
    for (Map.Entry<String, String> e : any ? r.entrySet() : Map.<String, String>of().entrySet()) {
      if (e.getKey().startsWith("attr.") && e.getValue() != null && !e.getValue().isBlank()) {
        attributes.put(e.getKey().substring(5), e.getValue().trim());
      }
    }
    switch (kind) {
      case "survey": {
        String score = optional(r, "score");
        String weight = optional(r, "weight");
        return new SurveyResponse(customer, instant, channel, stage, touchpoint, attributes,
            required(r, "question"), score == null ? null : integer(score, "score"),
            weight == null ? 1.0 : number(weight, "weight"));
      }
      case "contact": {
        String wait = optional(r, "wait");
        String handle = optional(r, "handle");
        return new ServiceContact(customer, instant, channel, stage, touchpoint, attributes,
            optional(r, "reason"), optional(r, "case_id"), optional(r, "agent"),
            bool(get(r, "resolved"), "resolved"), wait == null ? null : duration(wait, "wait"),
            handle == null ? null : duration(handle, "handle"),
            bool(get(r, "abandoned"), "abandoned"));
      }
      case "case": {
        String opened = optional(r, "opened");
        String solved = optional(r, "solved");
        String reopens = optional(r, "reopen_count");
        String sla = optional(r, "within_sla");
        String pending = optional(r, "pending");
        return new CaseEvent(customer, instant, channel, stage, touchpoint, attributes,
            required(r, "case_id"), status(required(r, "status")),
            opened == null ? instant : instant(opened), solved == null ? null : instant(solved),
            optional(r, "agent"), reopens == null ? 0 : integer(reopens, "reopen_count"),
            sla == null ? null : bool(sla, "within_sla"),
            pending == null ? null : duration(pending, "pending"));
      }
      default:
        throw new IllegalArgumentException("kind must be survey, contact or case, was '" + kind
            + "'");
    }
  }

  static Instant instant(String s) {
    Instant fast = FastInstant.parse(s);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("instant '" + clip(s)
            + "' is not ISO-8601 with an offset (e.g. 2026-03-02T09:15:00Z)");
      }
    }
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static JourneyStage stage(@Nullable String s) {
    if (s == null) {
      return JourneyStage.POST_PURCHASE;
    }
    try {
      return JourneyStage.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stage must be awareness, consideration, purchase or "
          + "post-purchase, was '" + clip(s) + "'");
    }
  }

  private static int integer(String s, String field) {
    if (isInteger(s)) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        // out of int range: reported below
      }
    }
    throw new IllegalArgumentException(field + " '" + clip(s) + "' is not an integer (ASCII "
        + "digits 0-9)");
  }

  /** Whether s matches {@link #INTEGER}, without a regex per row (it was 8 % of a read). */
  static boolean isInteger(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (n - i < 1 || n - i > 10) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static double number(String s, String field) {
    if (DECIMAL.matcher(s).matches()) {
      return Double.parseDouble(s);
    }
    throw new IllegalArgumentException(field + " '" + clip(s) + "' is not a decimal number "
        + "(ASCII digits 0-9)");
  }

  private static boolean bool(String s, String field) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "1": case "y":
        return true;
      case "false": case "no": case "0": case "n": case "":
        return false;
      default:
        throw new IllegalArgumentException(field + " must be true or false, was '" + clip(s)
            + "'");
    }
  }

  /** Seconds as a decimal number, or an ISO-8601 duration. */
  private static Duration duration(String s, String field) {
    if (DECIMAL.matcher(s).matches()) {
      try {
        return Duration.ofNanos(new BigDecimal(s).movePointRight(9)
            .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(field + " '" + clip(s) + "' seconds is too long");
      }
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + clip(s) + "' is neither seconds (e.g. "
          + "12.5) nor an ISO-8601 duration (e.g. PT2M30S)");
    }
  }

  private static CaseStatus status(String s) {
    try {
      return CaseStatus.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("status must be opened, first_response, solved, "
          + "reopened or closed, was '" + clip(s) + "'");
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
