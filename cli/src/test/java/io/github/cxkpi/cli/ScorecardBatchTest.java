package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.SurveyBatch;
import io.github.cxkpi.scorecard.WindowScheme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The columnar path ({@code Scorecard.accept(SurveyBatch)}) against the object path on the
 * same answers: seeded random batches (unsorted instants, every profile field, weights, blanks,
 * questions no KPI takes, batches of random sizes reusing their dictionaries) must give the
 * same report, counts of late and unused rows included, with every KPI the CLI ships.
 */
class ScorecardBatchTest {
  private static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.EMAIL,
      Channel.PHONE, Channel.of("kiosk"), Channel.UNKNOWN};
  private static final String[] QUESTIONS = {"nps", "csat", "ces", "fcr", "other"};
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** Fills a batch with n random rows; returns nothing: the batch holds them. */
  private static void fill(SurveyBatch batch, SplittableRandom rnd, int n, boolean weighted,
      int days) {
    for (int i = 0; i < n; i++) {
      Channel ch = CHANNELS[rnd.nextInt(CHANNELS.length)];
      JourneyStage st = JourneyStage.values()[rnd.nextInt(JourneyStage.values().length)];
      String tp = rnd.nextInt(3) == 0 ? null : "tp" + rnd.nextInt(3);
      Map<String, String> attrs = rnd.nextBoolean() ? Map.of() : Map.of("region", "r" + rnd.nextInt(2));
      int profile = batch.profile(ch, st, tp, attrs);
      int qi = rnd.nextInt(QUESTIONS.length);
      int q = batch.question(QUESTIONS[qi]);
      long t = START + rnd.nextLong(days * 86_400_000L);
      int score = switch (qi) {
        case 0 -> rnd.nextInt(11);
        case 1 -> 1 + rnd.nextInt(5);
        case 2 -> 1 + rnd.nextInt(7);
        case 3 -> rnd.nextInt(2);
        default -> rnd.nextInt(100) - 50;
      };
      int kind = rnd.nextInt(20);
      if (kind == 0) {
        batch.addBlank(profile, t, q);
      } else if (kind == 1 && weighted) {
        batch.addBlank(profile, t, q, 0.5 + rnd.nextDouble());
      } else if (kind < 5 && weighted) {
        batch.add(profile, t, q, score, 0.25 + 2 * rnd.nextDouble());
      } else {
        batch.add(profile, t, q, score);
      }
    }
  }

  private static void sameAsObjects(Supplier<Scorecard> make, long seed, boolean weighted) {
    sameAsObjects(make, seed, weighted, 200);
  }

  private static void sameAsObjects(Supplier<Scorecard> make, long seed, boolean weighted,
      int days) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Scorecard byBatch = make.get();
    Scorecard byObjects = make.get();
    assertTrue(byBatch.takesBatches());
    SurveyBatch batch = SurveyBatch.withCapacity(16);
    int row = 0;
    for (int b = 0; b < 12; b++) {
      fill(batch, rnd, rnd.nextInt(2_000), weighted, days);
      for (int i = 0; i < batch.size(); i++) {
        byObjects.accept(batch.response(i, "c" + row++));
      }
      byBatch.accept(batch);
      batch.clear();
    }
    byBatch.endOfInput();
    byObjects.endOfInput();
    ScorecardReport expected = byObjects.report();
    assertFalse(expected.rows().isEmpty());
    assertEquals(expected, byBatch.report());
  }

  @Test
  void batchesGiveTheReportOfTheirResponses() {
    for (long seed = 1; seed <= 6; seed++) {
      long s = seed;
      sameAsObjects(() -> Scorecard.builder().kpis("nps", "csat", "ces", "fcr")
          .segmentBy(Segmenter.channel()).build(), s, s % 2 == 0);
      sameAsObjects(() -> Scorecard.builder()
          .segmentBy(Segmenter.channel().and(Segmenter.journeyStage())
              .and(Segmenter.touchpoint()).and(Segmenter.attribute("region")))
          .windows(WindowScheme.calendar(WindowScheme.Unit.MONTH, ZoneId.of("Asia/Kathmandu")))
          .build(), s, true);
      sameAsObjects(() -> Scorecard.builder().kpis("nps", "csat")
          .windows(WindowScheme.rolling(7, ZoneId.of("Europe/Paris"))).build(), s, false);
    }
  }

  @Test
  void panesMetByEarlierBatchesAreFoundAgain() {
    // Days over 30 years: the scorecard's day cache (4,096 days) holds several days per slot,
    // and later batches meet days, weeks and DST changes that earlier ones numbered.
    for (long seed = 1; seed <= 3; seed++) {
      long s = seed;
      sameAsObjects(() -> Scorecard.builder().kpis("nps", "csat")
          .windows(WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("America/New_York")))
          .build(), s, false, 30 * 366);
      sameAsObjects(() -> Scorecard.builder().kpis("nps", "ces")
          .segmentBy(Segmenter.channel())
          .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneId.of("UTC")))
          .build(), s, s == 2, 30 * 366);
    }
  }

  @Test
  void lateRowsAreLateInBothForms() {
    for (long seed = 11; seed <= 14; seed++) {
      sameAsObjects(() -> Scorecard.builder().kpis("nps", "ces")
          .segmentBy(Segmenter.journeyStage()).allowedLateness(Duration.ofDays(20))
          .windows(WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("America/New_York")))
          .build(), seed, seed % 2 == 1);
    }
  }

  @Test
  void anOffScaleScoreRecordsNothingOfTheBatch() {
    Scorecard card = Scorecard.builder().kpis("nps", "csat").build();
    SurveyBatch batch = SurveyBatch.create();
    int web = batch.profile(Channel.WEB);
    int nps = batch.question("nps");
    int csat = batch.question("csat");
    batch.add(web, START, nps, 9).add(web, START, csat, 5);
    card.accept(batch);
    ScorecardReport before = card.report();
    batch.clear().add(web, START, nps, 10).add(web, START + 1, csat, 6).add(web, START, nps, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> card.accept(batch));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("score 6")
        && e.getMessage().contains("csat"), e.getMessage());
    assertEquals(before, card.report());
  }

  @Test
  void aBlankIsNeverOffScale() {
    Scorecard card = Scorecard.builder().kpis("nps").build();
    SurveyBatch batch = SurveyBatch.create();
    batch.addBlank(batch.profile(Channel.APP), START, batch.question("nps"));
    assertEquals(1, card.accept(batch));
    assertEquals(1, card.report().interactions());
  }

  @Test
  void aSegmenterOfTheCallersTakesNoBatches() {
    Scorecard card = Scorecard.builder().kpis("nps")
        .segmentBy(i -> SegmentKey.of(i.customerId().substring(0, 1))).build();
    assertFalse(card.takesBatches());
    SurveyBatch batch = SurveyBatch.create();
    batch.add(batch.profile(Channel.APP), START, batch.question("nps"), 9);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> card.accept(batch));
    assertTrue(e.getMessage().contains("segmenter"), e.getMessage());
  }

  @Test
  void keyDriversNeedTheResponses() {
    Scorecard card = Scorecard.builder().kpis("nps", "drivers").build();
    assertFalse(card.takesBatches());
    SurveyBatch batch = SurveyBatch.create();
    batch.add(batch.profile(Channel.APP), START, batch.question("nps"), 9);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> card.accept(batch));
    assertTrue(e.getMessage().contains("drivers"), e.getMessage());
  }

  @Test
  void theDefaultKpisTakeBatches() {
    // Service times, repeat-contact FCR and the rest take no survey answers: they pass by.
    assertTrue(Scorecard.builder().build().takesBatches());
  }

  @Test
  void badRowsAreRefusedWhenAdded() {
    SurveyBatch batch = SurveyBatch.create();
    int web = batch.profile(Channel.WEB);
    int q = batch.question("nps");
    assertThrows(IllegalArgumentException.class, () -> batch.add(web + 1, START, q, 9));
    assertThrows(IllegalArgumentException.class, () -> batch.add(web, START, q + 1, 9));
    assertThrows(IllegalArgumentException.class, () -> batch.add(web, -1, q, 9));
    assertThrows(IllegalArgumentException.class, () -> batch.add(web, START, q, 9, 0.0));
    assertThrows(IllegalArgumentException.class,
        () -> batch.add(web, START, q, 9, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> batch.question(" "));
    assertEquals(0, batch.size());
  }

  @Test
  void aBatchCostsItsRowsNotPanesTimesSegments() throws Exception {
    // 20,000 segment values and a year of daily panes: a batch of 100 rows touches at most 100
    // cells, and its work must be sized by them, not by the 7.3 million pane x segment pairs.
    Scorecard card = Scorecard.builder().kpis("nps").segmentBy(Segmenter.attribute("store"))
        .windows(WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("UTC"))).build();
    SurveyBatch batch = SurveyBatch.create();
    int q = batch.question("nps");
    int[] stores = new int[20_000];
    for (int i = 0; i < stores.length; i++) {
      stores[i] = batch.profile(Channel.WEB, JourneyStage.POST_PURCHASE, null,
          Map.of("store", "s" + i));
    }
    SplittableRandom rnd = new SplittableRandom(3);
    java.util.function.LongSupplier allocated = allocatedBytes();
    long most = 0;
    for (int round = 0; round < 40; round++) {
      batch.clear();
      for (int i = 0; i < 100; i++) {
        batch.add(stores[rnd.nextInt(stores.length)], START + rnd.nextLong(365L * 86_400_000L),
            q, rnd.nextInt(11));
      }
      long before = allocated.getAsLong();
      card.accept(batch);
      long used = allocated.getAsLong() - before;
      if (round >= 20) {
        most = Math.max(most, used); // after the first rounds: the profiles are segmented once
      }
    }
    assertTrue(most < 512 * 1024, most + " bytes allocated by a batch of 100 rows");
    assertEquals(4000, card.report().interactions());
  }

  /** {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, by reflection. */
  private static java.util.function.LongSupplier allocatedBytes() throws Exception {
    Object bean = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
    hotspot.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
    java.lang.reflect.Method m = hotspot.getMethod("getCurrentThreadAllocatedBytes");
    return () -> {
      try {
        return (long) m.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
