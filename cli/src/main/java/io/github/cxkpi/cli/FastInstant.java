package io.github.cxkpi.cli;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The common shape of an ISO-8601 instant, {@code 2026-03-02T09:15:00Z} (optionally with a
 * fraction of up to nine digits and an offset {@code +HH:MM} instead of {@code Z}), read without
 * the general parser, which costs about a tenth of a report's time. Anything else, and any value
 * out of range, returns {@code null}: the caller then uses {@link Instant#parse} and
 * {@link java.time.OffsetDateTime#parse}, which decide and word the error. A test checks that
 * both ways agree on every string either accepts. The other way, {@link #text} writes what
 * {@link Instant#toString} writes, without its formatter for whole seconds in years 0 to 9999.
 */
final class FastInstant {
  private FastInstant() {}

  // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written with four digits.
  private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
  private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

  /**
   * The text {@link Instant#toString} gives, {@code 2026-03-02T09:15:00Z}, written digit by
   * digit for whole seconds in years 0 to 9999 (a report's window bounds): a cold JVM spends
   * about 20 ms in the formatter for a report's thousand of them. Other instants take
   * {@code toString}.
   */
  static String text(Instant t) {
    long s = t.getEpochSecond();
    if (t.getNano() != 0 || s < FIRST_FOUR_DIGIT_SECOND || s > LAST_FOUR_DIGIT_SECOND) {
      return t.toString();
    }
    LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(s, 86_400L));
    int sod = (int) Math.floorMod(s, 86_400L);
    char[] c = new char[20];
    int y = d.getYear();
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    two(c, 5, d.getMonthValue());
    c[7] = '-';
    two(c, 8, d.getDayOfMonth());
    c[10] = 'T';
    two(c, 11, sod / 3600);
    c[13] = ':';
    two(c, 14, sod / 60 % 60);
    c[16] = ':';
    two(c, 17, sod % 60);
    c[19] = 'Z';
    return new String(c);
  }

  private static void two(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  /** What {@link #seconds} returns for a text not in the common shape. */
  static final long NONE = Long.MIN_VALUE;

  /** The longest text of the common shape: nine fraction digits and an offset. */
  private static final int MAX_LENGTH = 35;

  /** The instant, or {@code null} when the text is not in the common shape. */
  static @Nullable Instant parse(String text) {
    int n = text.length();
    if (n > MAX_LENGTH) {
      return null;
    }
    byte[] s = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return null; // the common shape is ASCII
      }
      s[i] = (byte) c;
    }
    long seconds = seconds(s, 0, n);
    return seconds == NONE ? null : Instant.ofEpochSecond(seconds, nanos(s, 0, n));
  }

  /**
   * The epoch milliseconds of the ASCII text {@code s[from, to)} (as
   * {@link Instant#toEpochMilli()} gives them), or {@link #NONE} when it is not in the common
   * shape: no string, no instant made.
   */
  static long epochMillis(byte[] s, int from, int to) {
    long seconds = seconds(s, from, to);
    if (seconds == NONE || seconds > Long.MAX_VALUE / 1000 - 1) {
      return NONE;
    }
    return seconds * 1000 + nanos(s, from, to) / 1_000_000;
  }

  /** The epoch seconds of {@code s[from, to)}, or {@link #NONE} when not in the common shape. */
  private static long seconds(byte[] s, int from, int to) {
    int n = to - from;
    if (n < 20 || s[from + 4] != '-' || s[from + 7] != '-'
        || s[from + 10] != 'T' || s[from + 13] != ':'
        || s[from + 16] != ':') {
      return NONE;
    }
    // The fourteen digits at once, without a branch each: d is a digit when d and d + 6 both
    // lie in [0, 15], so one test of the OR of all of them checks every one.
    int y0 = s[from] - '0';
    int y1 = s[from + 1] - '0';
    int y2 = s[from + 2] - '0';
    int y3 = s[from + 3] - '0';
    int mo0 = s[from + 5] - '0';
    int mo1 = s[from + 6] - '0';
    int d0 = s[from + 8] - '0';
    int d1 = s[from + 9] - '0';
    int h0 = s[from + 11] - '0';
    int h1 = s[from + 12] - '0';
    int mi0 = s[from + 14] - '0';
    int mi1 = s[from + 15] - '0';
    int s0 = s[from + 17] - '0';
    int s1 = s[from + 18] - '0';
    int all = y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1;
    int shifted = (y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (mo0 + 6) | (mo1 + 6) | (d0 + 6)
        | (d1 + 6) | (h0 + 6) | (h1 + 6) | (mi0 + 6) | (mi1 + 6) | (s0 + 6) | (s1 + 6);
    if (((all | shifted) & ~0xF) != 0) {
      return NONE;
    }
    int year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    int month = mo0 * 10 + mo1;
    int day = d0 * 10 + d1;
    int hour = h0 * 10 + h1;
    int minute = mi0 * 10 + mi1;
    int second = s0 * 10 + s1;
    if (hour > 23 || minute > 59 || second > 59) {
      return NONE; // a leap second (60) or a bad field: the general parser decides
    }
    int i = from + 19;
    if (s[i] == '.') {
      int start = ++i;
      while (i < to && i - start < 9 && isDigit(s[i])) {
        i++;
      }
      if (i == start || (i < to && isDigit(s[i]))) {
        return NONE;
      }
    }
    int offset;
    if (i == to - 1 && s[i] == 'Z') {
      offset = 0;
    } else if (i == to - 6 && (s[i] == '+' || s[i] == '-')
        && s[i + 3] == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return NONE;
      }
      offset = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return NONE;
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return NONE; // February 30th and the like: the general parser words the error
    }
    return epochDay(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
  }

  /** The nanoseconds of the fraction of a text {@link #seconds} accepted (0 without one). */
  private static int nanos(byte[] s, int from, int to) {
    int i = from + 19;
    if (s[i] != '.') {
      return 0;
    }
    int nanos = 0;
    int digits = 0;
    for (i++; i < to && isDigit(s[i]); i++, digits++) {
      nanos = nanos * 10 + (s[i] - '0');
    }
    for (; digits < 9; digits++) {
      nanos *= 10;
    }
    return nanos;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days from 1970-01-01 of a valid proleptic Gregorian date (years 0 to 9999), as
   * {@link LocalDate#toEpochDay()} counts them, without making a date: the civil-from-days
   * inverse of H. Hinnant's algorithm, on eras of 400 years.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** The value of {@code len} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(byte[] s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      byte c = s[i];
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
