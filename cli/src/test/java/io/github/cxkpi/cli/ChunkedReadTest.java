package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read in parts gives what one reading thread gives: the same rows, bad rows at the
 * same lines, the same figures; a cut that falls inside a quoted field, or bytes that are not
 * in the charset, make the read give up so that the caller reads from the start.
 */
class ChunkedReadTest {
  @TempDir
  Path dir;

  private static final Supplier<Scorecard> CARDS = () -> Scorecard.builder()
      .segmentBy(Segmenter.channel())
      .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC)).build();

  private static ParallelRead.Outcome oneThread(byte[] bytes, Charset cs, boolean strict)
      throws IOException {
    try (InteractionReader r = InteractionReader.open(new ByteArrayInputStream(bytes), cs,
        InteractionReader.Format.CSV)) {
      return ParallelRead.read(r, CARDS, 1, strict, 10, (n, b) -> { });
    }
  }

  /** The same outcome; after a strict stop only the first bad row is shown, so only it. */
  private static void assertSame(ParallelRead.Outcome expected, ParallelRead.Outcome actual) {
    assertEquals(expected.listed(), actual.listed());
    assertEquals(expected.stopped(), actual.stopped());
    if (!expected.stopped()) {
      assertEquals(expected.rows(), actual.rows());
      assertEquals(expected.bad(), actual.bad());
      assertEquals(expected.card().report(), actual.card().report());
    }
  }

  @Test
  void partsGiveWhatOneThreadGives() throws IOException {
    int[] seen = new int[1];
    Seeds.forEach(4, rnd -> {
      try {
        // Quoted records over two lines are made rare here so that most cuts fall between
        // records; a cut inside one is tested below and gives up.
        String text = ParallelReadTest.input(rnd, 6000 + rnd.nextInt(3000));
        if (rnd.nextBoolean()) {
          text = "\uFEFF\n  \n" + text.replace("\n", "\r\n"); // BOM, blank lines, CRLF
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("in" + rnd.nextInt() + ".csv");
        Files.write(file, bytes);
        for (boolean strict : new boolean[] {false, true}) {
          ParallelRead.Outcome expected = oneThread(bytes, StandardCharsets.UTF_8, strict);
          for (int threads : new int[] {1, 2, 3, 7}) {
            long[] shown = {0};
            ParallelRead.Outcome parts = ChunkedRead.read(file, StandardCharsets.UTF_8,
                InteractionReader.Format.CSV, CARDS, threads, strict, 10,
                (n, b) -> shown[0] = Math.max(shown[0], n));
            if (parts == null) {
              continue; // a cut inside a quoted record: the caller reads from the start
            }
            seen[0]++;
            assertSame(expected, parts);
            if (!strict) {
              // The progress line counts the rows taken from the bytes too, all of them.
              assertEquals(parts.rows(), shown[0], "rows shown read");
            }
          }
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    assertTrue(seen[0] > 0, "some reads in parts were compared");
  }

  @Test
  void aCutInsideAQuotedFieldGivesUp() throws IOException {
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score,"
        + "attr.note\n");
    for (int i = 0; i < 200; i++) {
      b.append("survey,c").append(i).append(",2026-01-05T10:00:00Z,web,nps,9,\"a note\n")
          .append("over\nthree lines\"\n");
    }
    Path file = dir.resolve("quoted.csv");
    Files.writeString(file, b);
    assertNull(ChunkedRead.read(file, StandardCharsets.UTF_8, InteractionReader.Format.CSV,
        CARDS, 2, false, 10, (n, x) -> { }));
    // One part holds everything: nothing is cut.
    ParallelRead.Outcome whole = ChunkedRead.read(file, StandardCharsets.UTF_8,
        InteractionReader.Format.CSV, CARDS, 1, false, 10, (n, x) -> { });
    assertNotNull(whole);
    assertEquals(200, whole.rows());
    assertEquals(0, whole.bad());
  }

  @Test
  void undecodableBytesGiveUp() throws IOException {
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score\n");
    for (int i = 0; i < 500; i++) {
      b.append("survey,c").append(i).append(",2026-01-05T10:00:00Z,web,nps,9\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 5] = (byte) 0xC3; // a lone lead byte, in the last part
    Path file = dir.resolve("bad.csv");
    Files.write(file, bytes);
    assertNull(ChunkedRead.read(file, StandardCharsets.UTF_8, InteractionReader.Format.CSV,
        CARDS, 3, false, 10, (n, x) -> { }));
  }

  @Test
  void onlyCharsetsWhoseLineFeedIsOneByteAreCut() {
    assertTrue(ChunkedRead.cuttable(StandardCharsets.UTF_8));
    assertTrue(!ChunkedRead.cuttable(StandardCharsets.UTF_16LE));
  }

  @Test
  void aFileWithCaseRowsIsReadInLineOrder() throws IOException {
    // Repeated case events are refused in line order over the whole file: parts give up.
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score,case_id,"
        + "status\n");
    for (int i = 0; i < 400; i++) {
      b.append("survey,c").append(i).append(",2026-01-05T10:00:00Z,web,nps,9,,\n");
    }
    b.append("case,c1,2026-01-05T10:00:00Z,web,,,k1,opened\n");
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, b);
    assertNull(ChunkedRead.read(file, StandardCharsets.UTF_8, InteractionReader.Format.CSV,
        CARDS, 2, false, 10, (n, x) -> { }));
  }

  @Test
  void jsonLinesInPartsGiveWhatOneThreadGives() throws IOException {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(29);
    String[] channels = {"web", "app", "phone"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String t = java.time.Instant.parse("2026-01-01T00:00:00Z")
          .plusSeconds(rnd.nextLong(90L * 86_400)).toString();
      switch (rnd.nextInt(30)) {
        case 0 -> b.append("{\"kind\":\"survey\",\"customer_id\":\"c\",\"instant\":\"")
            .append(t).append("\",\"question\":\"nps\",\"score\":11}\n"); // off the scale
        case 1 -> b.append("{not json}\n");
        case 2 -> b.append('\n');
        default -> b.append("{\"kind\":\"survey\",\"customer_id\":\"c").append(i)
            .append("\",\"instant\":\"").append(t).append("\",\"channel\":\"")
            .append(channels[rnd.nextInt(3)]).append("\",\"question\":\"")
            .append(rnd.nextBoolean() ? "nps\",\"score\":" + rnd.nextInt(11)
                : "csat\",\"score\":" + (1 + rnd.nextInt(5))).append("}\n");
      }
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("in.jsonl");
    Files.write(file, bytes);
    ParallelRead.Outcome expected;
    try (InteractionReader r = InteractionReader.open(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8, InteractionReader.Format.JSONL)) {
      expected = ParallelRead.read(r, CARDS, 1, false, 10, (n, x) -> { });
    }
    assertTrue(expected.bad() > 0);
    for (int threads : new int[] {1, 2, 5}) {
      ParallelRead.Outcome parts = ChunkedRead.read(file, StandardCharsets.UTF_8,
          InteractionReader.Format.JSONL, CARDS, threads, false, 10, (n, x) -> { });
      assertNotNull(parts);
      assertSame(expected, parts);
    }
  }
}
