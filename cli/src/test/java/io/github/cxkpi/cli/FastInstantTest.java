package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cxkpi.testing.Seeds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path reads exactly what the general parsers read, and hands them everything else. */
class FastInstantTest {
  private static Instant general(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  /** Mostly well-formed, sometimes off by one field or one character. */
  private static String candidate(SplittableRandom rnd) {
    int year = rnd.nextInt(10) == 0 ? rnd.nextInt(10_000) : 1970 + rnd.nextInt(231);
    String y = String.valueOf(year);
    while (y.length() < 4) {
      y = "0" + y;
    }
    int month = rnd.nextInt(20) == 0 ? rnd.nextInt(14) : 1 + rnd.nextInt(12);
    int day = rnd.nextInt(20) == 0 ? rnd.nextInt(33) : 1 + rnd.nextInt(31);
    int hour = rnd.nextInt(20) == 0 ? rnd.nextInt(26) : rnd.nextInt(24);
    int minute = rnd.nextInt(20) == 0 ? rnd.nextInt(62) : rnd.nextInt(60);
    int second = rnd.nextInt(20) == 0 ? rnd.nextInt(62) : rnd.nextInt(60);
    StringBuilder b = new StringBuilder(y).append('-').append(two(month)).append('-')
        .append(two(day)).append('T').append(two(hour)).append(':').append(two(minute))
        .append(':').append(two(second));
    if (rnd.nextInt(3) == 0) {
      b.append('.');
      int digits = rnd.nextInt(12);
      for (int i = 0; i < digits; i++) {
        b.append((char) ('0' + rnd.nextInt(10)));
      }
    }
    switch (rnd.nextInt(6)) {
      case 0, 1, 2 -> b.append('Z');
      case 3 -> b.append(rnd.nextBoolean() ? '+' : '-').append(two(rnd.nextInt(20))).append(':')
          .append(two(rnd.nextInt(61)));
      case 4 -> b.append(rnd.nextBoolean() ? "z" : "+0100");
      default -> { }
    }
    if (rnd.nextInt(15) == 0) {
      int at = rnd.nextInt(b.length());
      b.setCharAt(at, "0123456789-:TZ.+ x".charAt(rnd.nextInt(18)));
    }
    return b.toString();
  }

  @Test
  void agreesWithTheGeneralParsersOnRandomText() {
    Seeds.forEach(4, rnd -> {
      int fast = 0;
      for (int i = 0; i < 50_000; i++) {
        String s = candidate(rnd);
        Instant f = FastInstant.parse(s);
        if (f != null) {
          fast++;
          assertEquals(general(s), f, s);
        }
        // Whatever the fast path declines, the reader's result is the general parsers'.
        Instant g = general(s);
        if (g != null) {
          assertEquals(g, InteractionReader.instant(s), s);
        }
      }
      assertEquals(true, fast > 20_000, "the fast path takes the common shape: " + fast);
    });
  }

  @Test
  void edgeCases() {
    assertEquals(Instant.parse("2026-03-02T09:15:00Z"), FastInstant.parse("2026-03-02T09:15:00Z"));
    assertEquals(Instant.parse("2024-02-29T23:59:59.123456789Z"),
        FastInstant.parse("2024-02-29T23:59:59.123456789Z"));
    assertEquals(OffsetDateTime.parse("2026-03-02T09:15:00.5-03:30").toInstant(),
        FastInstant.parse("2026-03-02T09:15:00.5-03:30"));
    assertNull(FastInstant.parse("2026-02-30T00:00:00Z"), "declined: the general parser words it");
    assertNull(FastInstant.parse("2026-03-02T23:59:60Z"), "a leap second: declined");
    assertNull(FastInstant.parse("2026-03-02T09:15:00.Z"));
    assertNull(FastInstant.parse("2026-03-02T09:15:00.1234567890Z"));
    assertNull(FastInstant.parse("2026-03-02T09:15:00+18:01"));
    assertNull(FastInstant.parse("２０２６-03-02T09:15:00Z"), "ASCII digits only");
    assertNotNull(FastInstant.parse("0000-01-01T00:00:00Z"));
  }

  @Test
  void epochDaysAreTheJdksForEveryDayOfTenThousandYears() {
    for (java.time.LocalDate d = java.time.LocalDate.of(0, 1, 1);
        d.getYear() <= 9999; d = d.plusDays(1)) {
      org.junit.jupiter.api.Assertions.assertEquals(d.toEpochDay(),
          FastInstant.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
    }
  }

  @Test
  void millisInAFieldAreTheInstantsMillis() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(23);
    for (int k = 0; k < 100_000; k++) {
      Instant t = Instant.ofEpochSecond(rnd.nextLong(-62_000_000_000L, 250_000_000_000L),
          rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
      String text = rnd.nextBoolean() ? t.toString()
          : t.atOffset(java.time.ZoneOffset.ofHoursMinutes(rnd.nextInt(-18, 19), 0)).toString();
      String line = "x," + text + ",y";
      Instant parsed = FastInstant.parse(text);
      long millis = FastInstant.epochMillis(
          line.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 2, 2 + text.length());
      if (parsed == null) {
        org.junit.jupiter.api.Assertions.assertEquals(FastInstant.NONE, millis, text);
      } else {
        org.junit.jupiter.api.Assertions.assertEquals(parsed.toEpochMilli(), millis, text);
        org.junit.jupiter.api.Assertions.assertEquals(t, parsed, text);
      }
    }
  }

  @Test
  void textIsTheInstantsToString() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(29);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    java.util.List<Instant> edges = new java.util.ArrayList<>();
    for (long s : new long[] {first, last, 0, -1, 86_399, 86_400, 951_782_400L}) {
      for (long d = -2; d <= 2; d++) {
        edges.add(Instant.ofEpochSecond(s + d));
      }
    }
    edges.add(Instant.ofEpochSecond(last + 1, 0)); // year 10000: "+10000-..."
    edges.add(Instant.ofEpochSecond(first - 1, 0)); // year -1
    edges.add(Instant.ofEpochSecond(0, 1));
    edges.add(Instant.MIN);
    edges.add(Instant.MAX);
    for (int k = 0; k < 200_000; k++) {
      long s = rnd.nextInt(3) == 0 ? rnd.nextLong(first - 86_400L * 800, last + 86_400L * 800)
          : rnd.nextLong(0, 4_102_444_800L) / 86_400 * 86_400 + (rnd.nextBoolean() ? 0
              : rnd.nextInt(86_400));
      edges.add(Instant.ofEpochSecond(s, rnd.nextInt(10) == 0 ? rnd.nextInt(1_000_000_000) : 0));
    }
    for (Instant t : edges) {
      org.junit.jupiter.api.Assertions.assertEquals(t.toString(), FastInstant.text(t));
    }
  }
}
