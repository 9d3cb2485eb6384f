package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
}
