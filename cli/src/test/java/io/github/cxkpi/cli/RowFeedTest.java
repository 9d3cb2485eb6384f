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
        Scorecard columns = card();
        List<String> columnsBad = new ArrayList<>();
        RowFeed feed;
        try (InteractionReader r = open(bytes)) {
          feed = new RowFeed(r, columns, (line, problem) -> {
            columnsBad.add(line + ": " + problem);
            return false;
          }, new CaseEventIds()::duplicate);
          for (InteractionReader.Raw raw = r.nextRaw(); raw != null; raw = r.nextRaw()) {
            feed.feed(raw);
          }
          feed.finish();
        }
        assertTrue(!generalBad.isEmpty(), "the input has bad rows");
        assertEquals(generalBad, columnsBad);
        assertEquals(general.report(), columns.report());
        assertTrue(feed.fastRows() > 1000, "rows in columns: " + feed.fastRows());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
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
    Scorecard columns = Scorecard.builder().segmentBy(Segmenter.touchpoint()).build();
    RowFeed feed;
    try (InteractionReader r = open(bytes)) {
      feed = new RowFeed(r, columns, (line, problem) -> {
        throw new AssertionError(line + ": " + problem);
      }, new CaseEventIds()::duplicate);
      for (InteractionReader.Raw raw = r.nextRaw(); raw != null; raw = r.nextRaw()) {
        feed.feed(raw);
      }
      feed.finish();
    }
    assertEquals(general.report(), columns.report());
    assertTrue(feed.fastRows() > 15_000, "rows in columns: " + feed.fastRows());
  }
}
