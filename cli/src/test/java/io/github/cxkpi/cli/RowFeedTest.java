package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows fed in columns give what the general way gives: the same report and the same bad rows
 * at the same lines, in line order; and most survey rows of the common shape do go in columns.
 */
class RowFeedTest {
  private static Scorecard card() {
    return Scorecard.builder().segmentBy(Segmenter.channel().and(Segmenter.journeyStage()))
        .build();
  }

  @Test
  void columnsGiveWhatTheGeneralWayGives() {
    Seeds.forEach(5, rnd -> {
      String in;
      do {
        in = ParallelReadTest.input(rnd, 3000 + rnd.nextInt(3000));
      } while (in.startsWith("kind,customer_id,instant,channel,question,score,weight,resolved,"
          + "attr.team"));
      // Stages too, some with blanks around them (the general way trims them).
      String[] stages = {"purchase", "consideration", " purchase", ""};
      StringBuilder b = new StringBuilder();
      String[] lines = in.split("\n", -1);
      b.append(lines[0]).append(",stage\n");
      for (int i = 1; i < lines.length; i++) {
        String l = lines[i];
        b.append(l);
        if (!l.isEmpty() && !l.startsWith("with")) {
          b.append(',').append(stages[rnd.nextInt(stages.length)]);
        }
        b.append('\n');
      }
      byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
      try {
        Scorecard general = card();
        List<String> generalBad = new ArrayList<>();
        try (InteractionReader r = open(bytes)) {
          for (InteractionReader.Row row = r.next(); row != null; row = r.next()) {
            String problem = RowFeed.apply(row, general);
            if (problem != null) {
              generalBad.add(row.line() + ": " + problem);
            }
          }
        }
        assertTrue(!generalBad.isEmpty(), "the input has bad rows");
        for (boolean inPlace : new boolean[] {false, true}) {
          Scorecard columns = card();
          List<String> columnsBad = new ArrayList<>();
          RowFeed feed = feedAll(bytes, columns, inPlace, (line, problem) -> {
            columnsBad.add(line + ": " + problem);
            return false;
          });
          assertEquals(generalBad, columnsBad);
          assertEquals(general.report(), columns.report());
          // About a third of the lines are survey rows of the common shape (no weight, a stage
          // without blanks) whose texts were seen before.
          long lineCount = in.lines().count();
          assertTrue(feed.fastRows() > lineCount / 4, "rows in columns: " + feed.fastRows() + " of "
              + lineCount + " lines");
          assertEquals(inPlace, feed.takenLines() > 1000, "lines taken in place");
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void batchesStartSmallAndEveryTakenLineIsToldOnce() throws IOException {
    // 20,000 rows of the common shape after a first one the general way teaches.
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("survey,c").append(i).append(",2026-01-05T10:00:00Z,web,nps,").append(i % 11)
          .append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Scorecard card = card();
    List<Long> told = new ArrayList<>();
    try (InteractionReader r = open(bytes)) {
      RowFeed feed = new RowFeed(r, card, (line, problem) -> false,
          new CaseEventIds()::duplicate);
      feed.onFlush(told::add);
      r.takeLines(feed);
      for (InteractionReader.Raw raw = r.nextRaw(); raw != null; raw = r.nextRaw()) {
        feed.feed(raw);
      }
      feed.finish();
      assertEquals(feed.takenLines(), told.stream().mapToLong(Long::longValue).sum());
      assertTrue(feed.takenLines() >= 19_999, "taken: " + feed.takenLines());
    }
    // Batches of 64, 128, ... rows up to 4,096 (the first also holds the rows the general way
    // took while it learnt the texts, which are not taken lines).
    assertTrue(told.get(0) > 56 && told.get(0) < 64, told.toString());
    assertEquals(List.of(128L, 256L, 512L, 1024L, 2048L, 4096L, 4096L), told.subList(1, 8),
        told.toString());
    assertEquals(20_000, card.report().interactions());
  }

  /** Feeds a whole input: records one by one, or lines taken in place and records the rest. */
  private static RowFeed feedAll(byte[] bytes, Scorecard card, boolean inPlace,
      RowFeed.BadRows bad) throws IOException {
    try (InteractionReader r = open(bytes)) {
      RowFeed feed = new RowFeed(r, card, bad, new CaseEventIds()::duplicate);
      if (inPlace) {
        r.takeLines(feed);
      }
      for (InteractionReader.Raw raw = r.nextRaw(); raw != null; raw = r.nextRaw()) {
        feed.feed(raw);
      }
      feed.finish();
      return feed;
    }
  }

  private static InteractionReader open(byte[] bytes) throws IOException {
    return InteractionReader.open(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8,
        InteractionReader.Format.CSV);
  }

  @Test
  void manyProfileTextsGrowTheDictionaries() throws IOException {
    // 300 touchpoints x 3 channels: more texts than the dictionaries' first tables hold.
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(31);
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,touchpoint,question,"
        + "score\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("survey,c").append(i).append(",2026-01-0").append(1 + rnd.nextInt(9))
          .append("T10:00:00Z,").append(new String[] {"web", "app", "chat"}[rnd.nextInt(3)])
          .append(",tp").append(rnd.nextInt(300)).append(",nps,").append(rnd.nextInt(11))
          .append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Scorecard general = Scorecard.builder().segmentBy(Segmenter.touchpoint()).build();
    try (InteractionReader r = open(bytes)) {
      for (InteractionReader.Row row = r.next(); row != null; row = r.next()) {
        assertEquals(null, RowFeed.apply(row, general));
      }
    }
    for (boolean inPlace : new boolean[] {false, true}) {
      Scorecard columns = Scorecard.builder().segmentBy(Segmenter.touchpoint()).build();
      RowFeed feed = feedAll(bytes, columns, inPlace, (line, problem) -> {
        throw new AssertionError(line + ": " + problem);
      });
      assertEquals(general.report(), columns.report());
      assertTrue(feed.fastRows() > 15_000, "rows in columns: " + feed.fastRows());
    }
  }

  @Test
  void textsOfEveryLengthAroundThePackedLimit() throws IOException {
    // Short texts (up to seven bytes) are looked up packed in longs, longer ones as bytes:
    // channels and touchpoints that are prefixes of one another, of 1 to 14 bytes, with an
    // empty touchpoint and absent or present stages, in all their combinations.
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(47);
    String channels = "abcdefghijkl";
    String touchpoints = "touchpoint-xyz";
    String[] stages = {"", "purchase", "awareness"};
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,touchpoint,stage,"
        + "question,score\n");
    for (int i = 0; i < 30_000; i++) {
      int tp = rnd.nextInt(touchpoints.length() + 1);
      b.append("survey,c").append(i).append(",2026-01-").append(10 + rnd.nextInt(20))
          .append("T10:00:00Z,").append(channels, 0, 1 + rnd.nextInt(channels.length()))
          .append(',').append(touchpoints, 0, tp).append(',')
          .append(stages[rnd.nextInt(stages.length)]).append(',')
          .append(rnd.nextBoolean() ? "nps," + rnd.nextInt(11) : "csat," + (1 + rnd.nextInt(5)))
          .append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Segmenter by = Segmenter.channel().and(Segmenter.touchpoint()).and(Segmenter.journeyStage());
    Scorecard general = Scorecard.builder().segmentBy(by).build();
    try (InteractionReader r = open(bytes)) {
      for (InteractionReader.Row row = r.next(); row != null; row = r.next()) {
        assertEquals(null, RowFeed.apply(row, general));
      }
    }
    assertEquals(12 * 15 * 3, general.report().rows().stream().map(r -> r.segment()).distinct()
        .count(), "every combination is a segment");
    for (boolean inPlace : new boolean[] {false, true}) {
      Scorecard columns = Scorecard.builder().segmentBy(by).build();
      RowFeed feed = feedAll(bytes, columns, inPlace, (line, problem) -> {
        throw new AssertionError(line + ": " + problem);
      });
      assertEquals(general.report(), columns.report());
      assertTrue(feed.fastRows() > 25_000, "rows in columns: " + feed.fastRows());
    }
  }

  @Test
  void linesTakenInPlaceAreOnlyWholeRecords() throws IOException {
    // A quoted field over three lines whose middle line looks like a row of the common shape,
    // rows that are not ASCII, CRLF ends, and scores off the scale (the batch is refused and
    // its rows are read again from their kept bytes): what the general way gives.
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score\r\n");
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    for (int i = 0; i < 9000; i++) {
      String c = rnd.nextInt(50) == 0 ? "c\u00e9" + i : "c" + i;
      String t = "2026-02-" + (10 + rnd.nextInt(18)) + "T08:00:00Z";
      switch (rnd.nextInt(60)) {
        case 0 -> b.append("survey,\"").append(c).append("\r\nsurvey,x").append(i)
            .append(",2026-02-11T08:00:00Z,web,nps,9\r\nz\",").append(t).append(",web,nps,3");
        case 1 -> b.append("survey,").append(c).append(',').append(t).append(",web,nps,12");
        default -> b.append("survey,").append(c).append(',').append(t)
            .append(rnd.nextBoolean() ? ",web," : ",app,").append(rnd.nextBoolean() ? "nps," : "csat,")
            .append(1 + rnd.nextInt(5));
      }
      b.append("\r\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Scorecard general = card();
    List<String> generalBad = new ArrayList<>();
    long rows = 0;
    try (InteractionReader r = open(bytes)) {
      for (InteractionReader.Row row = r.next(); row != null; row = r.next()) {
        rows++;
        String problem = RowFeed.apply(row, general);
        if (problem != null) {
          generalBad.add(row.line() + ": " + problem);
        }
      }
    }
    assertTrue(generalBad.size() > 50, "bad rows: " + generalBad.size());
    Scorecard columns = card();
    List<String> columnsBad = new ArrayList<>();
    long[] returned = new long[1];
    RowFeed feed;
    try (InteractionReader r = open(bytes)) {
      feed = new RowFeed(r, columns, (line, problem) -> {
        columnsBad.add(line + ": " + problem);
        return false;
      }, new CaseEventIds()::duplicate);
      r.takeLines(feed);
      for (InteractionReader.Raw raw = r.nextRaw(); raw != null; raw = r.nextRaw()) {
        returned[0]++;
        feed.feed(raw);
      }
      feed.finish();
    }
    assertEquals(generalBad, columnsBad);
    assertEquals(general.report(), columns.report());
    assertEquals(rows, returned[0] + feed.takenLines(), "every record once");
    assertTrue(feed.takenLines() > 8000, "taken: " + feed.takenLines());
  }
}
