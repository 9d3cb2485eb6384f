package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Physical lines against a plain reference split: LF, CRLF and CR in any mix, a CR that ends
 * one buffer with its LF in the next, a byte-order mark, lines longer than the limit.
 */
class InputLinesTest {
  private static List<InputLines.Line> read(String text) throws IOException {
    List<InputLines.Line> out = new ArrayList<>();
    try (InputLines lines = new InputLines(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)) {
      for (InputLines.Line l = lines.next(); l != null; l = lines.next()) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> reference(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean pending = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(b.toString());
        b.setLength(0);
        pending = false;
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        b.append(c);
        pending = true;
      }
    }
    if (pending) {
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void linesAreTheReferenceSplit() throws IOException {
    SplittableRandom rnd = new SplittableRandom(17);
    String[] ends = {"\n", "\r\n", "\r"};
    for (int trial = 0; trial < 60; trial++) {
      StringBuilder b = new StringBuilder(rnd.nextBoolean() ? "\uFEFF" : "");
      int target = rnd.nextInt(3) == 0 ? 200_000 : 2_000;
      while (b.length() < target) {
        int n = rnd.nextInt(rnd.nextInt(10) == 0 ? 70_000 : 40);
        for (int i = 0; i < n; i++) {
          b.append((char) ('a' + rnd.nextInt(26)));
        }
        b.append(ends[rnd.nextInt(ends.length)]);
      }
      if (rnd.nextBoolean()) {
        b.append("tail");
      }
      String text = b.toString();
      List<InputLines.Line> lines = read(text);
      List<String> expected = reference(text);
      assertEquals(expected.size(), lines.size());
      for (int i = 0; i < lines.size(); i++) {
        assertEquals(i + 1, lines.get(i).number());
        assertEquals(expected.get(i), lines.get(i).text(), "line " + (i + 1));
      }
    }
  }

  @Test
  void aCrAtABufferEndAndItsLfInTheNext() throws IOException {
    // The decoder hands out 65,536 chars at a time: put the CR last in the first buffer.
    String text = "x".repeat(65_535) + "\r\nnext\n";
    List<InputLines.Line> lines = read(text);
    assertEquals(2, lines.size());
    assertEquals("next", lines.get(1).text());
  }

  @Test
  void aLineOverTheLimitHasNoText() throws IOException {
    String text = "a\n" + "b".repeat(InputLines.MAX_LINE_CHARS + 3) + "\nc\n";
    List<InputLines.Line> lines = read(text);
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).tooLong());
    assertNull(lines.get(1).text());
    assertEquals("c", lines.get(2).text());
    assertEquals(InputLines.MAX_LINE_CHARS,
        read("b".repeat(InputLines.MAX_LINE_CHARS)).get(0).text().length());
  }

  /** A stream that hands out its bytes in pieces of random sizes, as pipes and files may. */
  private static InputStream trickle(byte[] bytes, SplittableRandom rnd) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + rnd.nextInt(rnd.nextBoolean() ? 7 : 300_000)));
      }
    };
  }

  private static String randomText(SplittableRandom rnd) {
    String[] ends = {"\n", "\r\n", "\r"};
    // ASCII, and characters of two, three and four UTF-8 bytes (the last two chars each).
    String[] pieces = {"a", "q", ",", "\"", " ", "\u00e9", "\u20ac", "\ud83d\ude00"};
    StringBuilder b = new StringBuilder(rnd.nextBoolean() ? "\uFEFF" : "");
    int lines = 200 + rnd.nextInt(400);
    for (int l = 0; l < lines; l++) {
      int kind = rnd.nextInt(100);
      // Mostly short lines; a few longer than the byte buffer, in characters or only in bytes.
      int n = kind == 0 ? InputLines.MAX_LINE_CHARS + rnd.nextInt(5)
          : kind == 1 ? 400_000 : rnd.nextInt(60);
      boolean ascii = kind > 1 && rnd.nextBoolean();
      boolean wide = kind == 1;
      for (int i = 0; i < n; i++) {
        b.append(wide ? "\u20ac" : pieces[rnd.nextInt(ascii ? 5 : pieces.length)]);
      }
      b.append(ends[rnd.nextInt(ends.length)]);
    }
    if (rnd.nextBoolean()) {
      b.append("tail");
    }
    return b.toString();
  }

  @Test
  void bytesAndCharactersGiveTheReferenceLinesInAnyPieces() throws IOException {
    // UTF-8 lines are found among the bytes, UTF-16 ones among decoded characters; a filter
    // takes ASCII lines that start with q in place, and they are counted but not returned.
    SplittableRandom rnd = new SplittableRandom(41);
    for (int trial = 0; trial < 12; trial++) {
      String text = randomText(rnd);
      List<String> expected = reference(text);
      for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
        boolean filtered = rnd.nextBoolean();
        List<Long> taken = new ArrayList<>();
        InputLines.LineFilter takeQ = (bytes, from, limit, number) -> {
          // An eight-byte load at any position before the limit stays in the array.
          assertTrue(limit + InputLines.SLACK <= bytes.length, "slack past the bytes read");
          int end = from;
          while (end < limit && bytes[end] != '\n' && bytes[end] != '\r') {
            if (bytes[end] < 0) {
              return -1; // not ASCII
            }
            end++;
          }
          if (end == limit || end == from || bytes[from] != 'q') {
            return -1;
          }
          taken.add(number);
          return end;
        };
        List<InputLines.Line> got = new ArrayList<>();
        long count;
        byte[] bytes = text.getBytes(charset);
        try (InputLines lines = new InputLines(trickle(bytes, rnd), charset)) {
          for (InputLines.Line l = lines.next(filtered ? takeQ : null); l != null;
              l = lines.next(filtered ? takeQ : null)) {
            got.add(l);
          }
          count = lines.lineCount();
        }
        assertEquals(expected.size(), count, charset + " lines");
        int g = 0;
        for (int i = 0; i < expected.size(); i++) {
          String e = expected.get(i);
          if (taken.contains(i + 1L)) {
            assertTrue(e.startsWith("q") && e.chars().allMatch(c -> c < 0x80), e);
            continue;
          }
          // Only lines found among bytes are offered: an ASCII q-line read the decoding way (it
          // follows a line longer than the buffer) comes back.
          InputLines.Line l = got.get(g++);
          assertEquals(i + 1, l.number(), charset + " number");
          if (e.length() > InputLines.MAX_LINE_CHARS) {
            assertTrue(l.tooLong(), "line " + (i + 1));
          } else {
            assertEquals(e, l.text(), charset + " line " + (i + 1));
          }
        }
        assertEquals(got.size(), g);
        if (charset.equals(StandardCharsets.UTF_16LE) || !filtered) {
          assertTrue(taken.isEmpty(), "a filter only for lines among bytes");
        }
      }
    }
  }

  @Test
  void readsThatEndExactlyAtLineEnds() throws IOException {
    // Each read hands out whole lines, so the bytes read are used up at a line end every time;
    // with and without a filter, a last line with and without its terminator, and no bytes.
    for (String text : List.of("a,1\nbb,2\nccc,3\n", "a,1\nbb,2\nccc,3", "", "\n", "x")) {
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      for (boolean filtered : new boolean[] {false, true}) {
        InputStream in = new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len && pos < count) {
              byte c = buf[pos];
              b[off + n++] = c;
              pos++;
              if (c == '\n') {
                break;
              }
            }
            return n == 0 ? -1 : n;
          }
        };
        List<String> got = new ArrayList<>();
        long[] taken = {0};
        InputLines.LineFilter takeAll = (b, from, limit, number) -> {
          for (int e = from; e < limit; e++) {
            if (b[e] == '\n') {
              taken[0]++;
              return e;
            }
          }
          return -1;
        };
        try (InputLines lines = new InputLines(in, StandardCharsets.UTF_8)) {
          for (InputLines.Line l = lines.next(filtered ? takeAll : null); l != null;
              l = lines.next(filtered ? takeAll : null)) {
            got.add(l.text());
          }
          assertEquals(reference(text).size(), lines.lineCount(), text);
        }
        List<String> expected = reference(text);
        if (filtered) {
          // Lines with their LF are taken; only a last line without one comes back.
          assertEquals(expected.size(), taken[0] + got.size(), text);
          assertEquals(text.endsWith("\n") || text.isEmpty() ? List.of()
              : List.of(expected.get(expected.size() - 1)), got, text);
        } else {
          assertEquals(expected, got, text);
        }
      }
    }
  }

  @Test
  void readsStartSmallAndDoubleUpToTheBuffer() throws IOException {
    // So that a line crosses the end of the bytes read early (see FIRST_READ).
    byte[] text = "abc\n".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
    List<Integer> asked = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(text) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        asked.add(len);
        return super.read(b, off, len);
      }
    };
    long count = 0;
    try (InputLines lines = new InputLines(in, StandardCharsets.UTF_8)) {
      for (InputLines.Line l = lines.next(); l != null; l = lines.next()) {
        assertEquals("abc", l.text());
        count++;
      }
    }
    assertEquals(1_000_000, count);
    int size = InputLines.FIRST_READ;
    for (int i = 0; i < 6; i++, size *= 2) {
      assertEquals(size, asked.get(i), "read " + i);
    }
    assertTrue(asked.stream().allMatch(n -> n <= InputLines.MAX_LINE_CHARS), asked.toString());
    assertEquals(InputLines.MAX_LINE_CHARS, asked.get(7), "then the whole buffer: " + asked);
  }

  @Test
  void aCrThatEndsTheByteBufferAndItsLfInTheNext() throws IOException {
    String text = "x".repeat(InputLines.MAX_LINE_CHARS - 1) + "\r\nnext\r";
    List<InputLines.Line> lines = read(text);
    assertEquals(2, lines.size());
    assertEquals("next", lines.get(1).text());
  }

  @Test
  void undecodableBytesNameTheirLineEitherWay() {
    byte[] bad = "ok\r\n\u00e9\nthird \u20ac\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(bad, bad.length + 3);
    // A lone continuation byte on line 4, after a line that is not ASCII.
    bytes[bad.length] = 'x';
    bytes[bad.length + 1] = (byte) 0x80;
    bytes[bad.length + 2] = '\n';
    InputLines.UndecodableException e = org.junit.jupiter.api.Assertions.assertThrows(
        InputLines.UndecodableException.class, () -> {
          try (InputLines lines = new InputLines(new ByteArrayInputStream(bytes),
              StandardCharsets.UTF_8)) {
            while (lines.next() != null) {
              // read to the bad line
            }
          }
        });
    assertTrue(e.getMessage().startsWith("line 4: bytes 0x80 are not UTF-8"), e.getMessage());
  }
}
