package io.github.cxkpi.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads interactions one at a time (constant memory) from CSV or JSON Lines.
 *
 * <p>The CSV header names the columns; the order is free and unknown columns are refused:
 *
 * <pre>
 * kind         survey | contact                                   required
 * customer_id  the customer                                       required
 * instant      ISO-8601 with offset, e.g. 2026-03-02T09:15:00Z    required
 * channel      web, app, email, phone, chat, store, ...           default unknown
 * stage        awareness | consideration | purchase | post-purchase   default post-purchase
 * touchpoint   e.g. checkout                                      optional
 * question     survey: the question id (nps, csat, ces, fcr)      required for surveys
 * score        survey: an integer; empty for a blank answer       optional
 * weight       survey: a positive number                          default 1
 * reason       contact: the contact reason                        optional
 * case_id      contact: the case (ticket)                         optional
 * agent        contact: the agent                                 optional
 * resolved     contact: true/false, yes/no, 1/0                   default false
 * attr.NAME    a free attribute NAME for segmentation             optional, any number
 * </pre>
 *
 * <p>JSON Lines: one object per line with the same names, attributes either as
 * {@code "attr.NAME"} members or in an {@code "attributes"} object.
 */
final class InteractionReader implements Iterator<InteractionReader.Row>, Closeable {

  /** A row read: an interaction, or the reason it is bad. */
  record Row(long line, @Nullable Interaction interaction, @Nullable String problem) {}

  /** The input formats. */
  enum Format {
    /** Comma-separated values with a header. */
    CSV,
    /** One JSON object per line. */
    JSONL
  }

  private static final java.util.Set<String> COLUMNS = java.util.Set.of("kind", "customer_id",
      "instant", "channel", "stage", "touchpoint", "question", "score", "weight", "reason",
      "case_id", "agent", "resolved", "attributes");

  private final Closeable source;
  private final Iterator<Map<String, String>> records;
  private final java.util.function.LongSupplier lineOfLast;

  private InteractionReader(Closeable source, Iterator<Map<String, String>> records,
      java.util.function.LongSupplier lineOfLast) {
    this.source = source;
    this.records = records;
    this.lineOfLast = lineOfLast;
  }

  static InteractionReader open(Reader in, Format format) throws IOException {
    if (format == Format.CSV) {
      CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setTrim(true).get().parse(in);
      for (String h : parser.getHeaderNames()) {
        if (!COLUMNS.contains(h) && !h.startsWith("attr.")) {
          parser.close();
          throw new IllegalArgumentException("unknown CSV column '" + h + "' in the header; "
              + "known: " + new java.util.TreeSet<>(COLUMNS) + " and attr.NAME");
        }
      }
      Iterator<CSVRecord> it = parser.iterator();
      long[] line = {1};
      Iterator<Map<String, String>> records = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Map<String, String> next() {
          CSVRecord r = it.next();
          line[0] = r.getRecordNumber() + 1; // the header is line 1
          if (!r.isConsistent()) {
            Map<String, String> bad = new HashMap<>();
            bad.put("__problem", "has " + r.size() + " fields, the header has "
                + parser.getHeaderNames().size());
            return bad;
          }
          return r.toMap();
        }
      };
      return new InteractionReader(parser, records, () -> line[0]);
    }
    ObjectMapper mapper = new ObjectMapper();
    mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, true);
    JsonParser jp = mapper.getFactory().createParser(in);
    MappingIterator<JsonNode> it = mapper.readValues(jp, JsonNode.class);
    long[] line = {0};
    Iterator<Map<String, String>> records = new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return it.hasNextValue();
        } catch (IOException e) {
          throw new UncheckedIOException("bad JSON near line "
              + jp.currentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
      }

      @Override
      public Map<String, String> next() {
        try {
          JsonNode n = it.nextValue();
          line[0] = jp.currentLocation().getLineNr();
          return flatten(n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    return new InteractionReader(it, records, () -> line[0]);
  }

  private static Map<String, String> flatten(JsonNode n) {
    Map<String, String> m = new HashMap<>();
    if (!n.isObject()) {
      m.put("__problem", "is not a JSON object");
      return m;
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      if (e.getKey().equals("attributes") && v.isObject()) {
        for (Map.Entry<String, JsonNode> a : v.properties()) {
          m.put("attr." + a.getKey(), a.getValue().asText());
        }
      } else if (!COLUMNS.contains(e.getKey()) && !e.getKey().startsWith("attr.")) {
        m.put("__problem", "unknown field '" + e.getKey() + "'");
      } else {
        m.put(e.getKey(), v.isNull() ? "" : v.asText());
      }
    }
    return m;
  }

  @Override
  public boolean hasNext() {
    return records.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Map<String, String> r = records.next();
    long line = lineOfLast.getAsLong();
    String problem = r.get("__problem");
    if (problem != null) {
      return new Row(line, null, problem);
    }
    try {
      return new Row(line, parse(r), null);
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      return new Row(line, null, String.valueOf(e.getMessage()));
    }
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
    for (Map.Entry<String, String> e : r.entrySet()) {
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
      case "contact":
        return new ServiceContact(customer, instant, channel, stage, touchpoint, attributes,
            optional(r, "reason"), optional(r, "case_id"), optional(r, "agent"),
            bool(get(r, "resolved")));
      default:
        throw new IllegalArgumentException("kind must be survey or contact, was '" + kind + "'");
    }
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "instant '" + s + "' is not ISO-8601 with an offset (e.g. 2026-03-02T09:15:00Z)");
      }
    }
  }

  private static JourneyStage stage(@Nullable String s) {
    if (s == null) {
      return JourneyStage.POST_PURCHASE;
    }
    try {
      return JourneyStage.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stage must be awareness, consideration, purchase or "
          + "post-purchase, was '" + s + "'");
    }
  }

  private static int integer(String s, String field) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " '" + s + "' is not an integer");
    }
  }

  private static double number(String s, String field) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " '" + s + "' is not a number");
    }
  }

  private static boolean bool(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "1": case "y":
        return true;
      case "false": case "no": case "0": case "n": case "":
        return false;
      default:
        throw new IllegalArgumentException("resolved must be true or false, was '" + s + "'");
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
