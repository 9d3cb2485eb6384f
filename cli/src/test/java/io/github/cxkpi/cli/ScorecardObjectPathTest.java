package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.WindowScheme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The object path of a scorecard that takes batches ({@code accept(Interaction)} for survey
 * responses, which checks each answer at the call and records them through the columnar path a
 * few thousand at a time) against the per-KPI path, where every KPI's aggregator is offered
 * each interaction: the same scorecard built with the same segmenter wrapped in a function of
 * the caller's, which takes no batches. Reports read mid-stream, merges with answers waiting on
 * both sides, lateness among service contacts and refused answers must all agree.
 */
class ScorecardObjectPathTest {
  private static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.PHONE,
      Channel.of("kiosk")};
  private static final String[] QUESTIONS = {"nps", "csat", "ces", "fcr", "other"};
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Mixed interactions, unsorted: answers (weighted, blank, to no KPI's question), contacts. */
  static List<Interaction> interactions(SplittableRandom rnd, int n, int days) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant t = START.plusMillis(rnd.nextLong(days * 86_400_000L));
      Channel ch = CHANNELS[rnd.nextInt(CHANNELS.length)];
      String customer = "c" + rnd.nextInt(n / 4 + 1);
      if (rnd.nextInt(6) == 0) {
        out.add(ServiceContact.builder(customer, t).channel(ch).build());
        continue;
      }
      int qi = rnd.nextInt(QUESTIONS.length);
      SurveyResponse.Builder b = SurveyResponse.builder(customer, t).channel(ch)
          .stage(JourneyStage.values()[rnd.nextInt(JourneyStage.values().length)])
          .touchpoint(rnd.nextInt(3) == 0 ? null : "tp" + rnd.nextInt(3))
          .question(QUESTIONS[qi]);
      if (rnd.nextBoolean()) {
        b.attribute("region", "r" + rnd.nextInt(3));
      }
      if (rnd.nextInt(8) == 0) {
        b.weight(0.25 + 2 * rnd.nextDouble());
      }
      int kind = rnd.nextInt(25);
      if (kind == 0) {
        b.blank();
      } else {
        b.score(switch (qi) {
          case 0 -> rnd.nextInt(11);
          case 1 -> 1 + rnd.nextInt(5);
          case 2 -> 1 + rnd.nextInt(7);
          case 3 -> rnd.nextInt(2);
          default -> rnd.nextInt(100) - 50;
        });
      }
      out.add(b.build());
    }
    return out;
  }

  /** A scorecard through the columnar object path, and its per-KPI twin. */
  private record Pair(Scorecard columnar, Scorecard perKpi) {
    static Pair of(Function<Segmenter, Scorecard> make, Segmenter segmenter) {
      Scorecard columnar = make.apply(segmenter);
      Scorecard perKpi = make.apply(i -> segmenter.segmentOf(i));
      assertTrue(columnar.takesBatches());
      assertFalse(perKpi.takesBatches());
      return new Pair(columnar, perKpi);
    }

    void accept(Interaction i) {
      assertEquals(perKpi.accept(i), columnar.accept(i));
    }

    void same() {
      assertSameReport(perKpi.report(), columnar.report());
    }
  }

  /** Equal reports; when not, the first difference (a report prints too long to read). */
  static void assertSameReport(ScorecardReport expected, ScorecardReport actual) {
    assertEquals(List.of(expected.interactions(), expected.late(), expected.unused()),
        List.of(actual.interactions(), actual.late(), actual.unused()),
        "interactions, late, unused");
    for (int i = 0; i < Math.min(expected.rows().size(), actual.rows().size()); i++) {
      assertEquals(expected.rows().get(i), actual.rows().get(i), "row " + i);
    }
    assertEquals(expected.rows().size(), actual.rows().size(), "rows");
    assertEquals(expected, actual);
  }

  private static final List<Function<Segmenter, Scorecard>> CONFIGS = List.of(
      s -> Scorecard.builder().segmentBy(s).build(),
      s -> Scorecard.builder().kpis("nps", "csat", "ces", "fcr", "fcr-repeat").segmentBy(s)
          .windows(WindowScheme.calendar(WindowScheme.Unit.MONTH, ZoneId.of("Asia/Kathmandu")))
          .build(),
      s -> Scorecard.builder().kpis("csat", "nps").segmentBy(s)
          .windows(WindowScheme.rolling(7, ZoneId.of("Europe/Paris"))).build());

  private static final List<Segmenter> SEGMENTERS = List.of(Segmenter.channel(),
      Segmenter.none(), Segmenter.channel().and(Segmenter.journeyStage())
          .and(Segmenter.touchpoint()).and(Segmenter.attribute("region")));

  @Test
  void answersRecordedInBatchesGiveTheReportOfEachAnswerAlone() {
    for (long seed = 1; seed <= 6; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      // Past several flushes (4,096 answers each); reports read at random points in between.
      List<Interaction> data = interactions(rnd, 5_000 + rnd.nextInt(15_000), 150);
      Pair p = Pair.of(CONFIGS.get((int) (seed % CONFIGS.size())),
          SEGMENTERS.get((int) (seed / 2 % SEGMENTERS.size())));
      for (Interaction i : data) {
        p.accept(i);
        if (rnd.nextInt(3_000) == 0) {
          p.same();
        }
      }
      p.same();
      p.perKpi.endOfInput();
      p.columnar.endOfInput();
      p.same();
      assertEquals(data.size(), p.columnar.report().interactions());
      assertFalse(p.columnar.report().rows().isEmpty());
    }
  }

  @Test
  void aMergeRecordsTheAnswersWaitingOnBothSides() {
    for (long seed = 21; seed <= 24; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Interaction> data = interactions(rnd, 3_000 + rnd.nextInt(6_000), 90);
      Function<Segmenter, Scorecard> make = CONFIGS.get((int) (seed % CONFIGS.size()));
      Pair all = Pair.of(make, Segmenter.channel());
      Pair left = Pair.of(make, Segmenter.channel());
      Pair right = Pair.of(make, Segmenter.channel());
      for (Interaction i : data) {
        all.perKpi.accept(i);
        // By customer, as the CLI splits: repeat-contact FCR refuses a customer on both sides.
        ((i.customerId().hashCode() & 1) == 0 ? left : right).accept(i);
      }
      // Neither side has reported: both hold answers not yet recorded.
      left.columnar.merge(right.columnar);
      assertSameReport(all.perKpi.report(), left.columnar.report());
      right.same(); // the other side reports what it did before
      left.columnar.endOfInput();
      all.perKpi.endOfInput();
      assertSameReport(all.perKpi.report(), left.columnar.report());
    }
  }

  @Test
  void aMergeOfScorecardsOfOtherDefinitionsFailsWithAnswersWaiting() {
    // CSAT 1-5 and CSAT 1-10 under one id: refused, though the other's answers have not been
    // recorded yet (they are recorded by its own definitions first), and this one is unchanged.
    io.github.cxkpi.spi.KpiRegistry standard = io.github.cxkpi.spi.KpiRegistry.load();
    io.github.cxkpi.spi.KpiRegistry tenPoint = io.github.cxkpi.spi.KpiRegistry.of(
        List.of(standard.get("nps"), new ScorecardOrderTest.TenPointCsat()));
    Scorecard ours = Scorecard.builder().registry(standard).kpis("nps", "csat").build();
    Scorecard theirs = Scorecard.builder().registry(tenPoint).kpis("nps", "csat").build();
    Scorecard oursByKpi = Scorecard.builder().registry(standard).kpis("nps", "csat")
        .segmentBy(i -> Segmenter.none().segmentOf(i)).build();
    for (int i = 0; i < 100; i++) {
      SurveyResponse r = SurveyResponse.builder("c" + i, START.plusSeconds(i * 3_600L))
          .question(i % 2 == 0 ? "nps" : "csat").score(i % 2 == 0 ? i % 11 : 1 + i % 5).build();
      ours.accept(r);
      oursByKpi.accept(r);
      theirs.accept(r);
    }
    assertThrows(IllegalArgumentException.class, () -> ours.merge(theirs));
    assertSameReport(oursByKpi.report(), ours.report());
  }

  @Test
  void answersWaitingInAnotherScorecardAreSegmentedAsItSegments() {
    // Scorecards of other segmenters may merge (cells keyed by either's segments): the other's
    // waiting answers get the other's segments, as its recorded ones did.
    SplittableRandom rnd = new SplittableRandom(81);
    Function<Segmenter, Scorecard> make = s -> Scorecard.builder().kpis("nps", "csat")
        .segmentBy(s).build();
    Pair byChannel = Pair.of(make, Segmenter.channel());
    Pair byStage = Pair.of(make, Segmenter.journeyStage());
    interactions(rnd, 2_000, 40).forEach(byChannel::accept);
    interactions(rnd, 2_000, 40).forEach(byStage::accept);
    byChannel.perKpi.merge(byStage.perKpi);
    byChannel.columnar.merge(byStage.columnar);
    byChannel.same();
  }

  @Test
  void latenessIsJudgedAtTheCallAmongContacts() {
    for (long seed = 31; seed <= 36; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      // Roughly in time order with jitter: some answers and contacts are late, some are not.
      List<Interaction> data = new ArrayList<>(interactions(rnd, 12_000, 120));
      java.util.Map<Interaction, Instant> jittered = new java.util.IdentityHashMap<>();
      data.forEach(i -> jittered.put(i, i.instant().plus(Duration.ofHours(rnd.nextInt(96)))));
      data.sort(java.util.Comparator.comparing(jittered::get));
      Duration lateness = Duration.ofDays(1 + seed % 3);
      Pair p = Pair.of(s -> Scorecard.builder().kpis("nps", "csat", "ces", "fcr", "fcr-repeat")
          .segmentBy(s).allowedLateness(lateness)
          .windows(WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("America/New_York")))
          .build(), Segmenter.channel());
      for (Interaction i : data) {
        p.accept(i); // each call says late or not, as the per-KPI path does
        if (rnd.nextInt(2_000) == 0) {
          p.same();
        }
      }
      p.perKpi.endOfInput();
      p.columnar.endOfInput();
      p.same();
      ScorecardReport r = p.columnar.report();
      assertTrue(r.late() > 0 && r.late() < data.size() - 1_000, r.late() + " late");
    }
  }

  @Test
  void anAnswerOffItsScaleIsRefusedAtTheCallAndChangesNothing() {
    SplittableRandom rnd = new SplittableRandom(41);
    List<Interaction> data = interactions(rnd, 2_000, 30);
    Pair p = Pair.of(s -> Scorecard.builder().kpis("nps", "csat").segmentBy(s).build(),
        Segmenter.channel());
    data.forEach(p::accept);
    SurveyResponse bad = SurveyResponse.builder("x", START).channel(Channel.WEB)
        .question("csat").score(6).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.columnar.accept(bad));
    assertTrue(e.getMessage().contains("score 6") && e.getMessage().contains("1..5")
        && e.getMessage().contains("csat"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.perKpi.accept(bad));
    p.same();
    assertEquals(data.size(), p.columnar.report().interactions());
    // Still open: more answers after the refused one are taken.
    interactions(rnd, 500, 30).forEach(p::accept);
    p.same();
  }

  @Test
  void aPaneOfRowsNoKpiUsesAddsNoRollingWindow() {
    // The last day of a segment holds only an answer no KPI takes and a contact no KPI counts:
    // the rolling windows end on the last day some KPI took something, by either path.
    Pair p = Pair.of(s -> Scorecard.builder().kpis("csat").segmentBy(s)
        .windows(WindowScheme.rolling(7, ZoneId.of("Europe/Paris"))).build(),
        Segmenter.channel());
    for (int d = 0; d < 3; d++) {
      p.accept(SurveyResponse.builder("a", START.plus(Duration.ofDays(d))).channel(Channel.WEB)
          .question("csat").score(4).build());
    }
    Instant later = START.plus(Duration.ofDays(5));
    p.accept(SurveyResponse.builder("a", later).channel(Channel.WEB).question("other").score(3)
        .build());
    p.accept(ServiceContact.builder("a", later).channel(Channel.WEB).build());
    p.same();
    ScorecardReport r = p.columnar.report();
    assertEquals(List.of("7d to 2026-01-01", "7d to 2026-01-02", "7d to 2026-01-03"),
        r.rows().stream().map(row -> row.window().label()).toList());
    assertEquals(2, r.unused());
  }

  @Test
  void manyQuestionsAndProfilesOfFreshObjects() {
    // Texts and attribute maps made anew for each answer (as a parser makes them), 60 question
    // texts (the scorecard's table of questions grows) and hundreds of profiles (its cache of
    // profiles evicts): every answer still lands in its segment, every unknown one is unused.
    SplittableRandom rnd = new SplittableRandom(51);
    Pair p = Pair.of(s -> Scorecard.builder().kpis("nps", "csat", "ces").segmentBy(s).build(),
        Segmenter.attribute("store").and(Segmenter.touchpoint()));
    for (int i = 0; i < 30_000; i++) {
      int qi = rnd.nextInt(63);
      String question = new String(qi < 3 ? QUESTIONS[qi] : "q" + qi);
      SurveyResponse.Builder b = SurveyResponse.builder("c" + i,
          START.plusSeconds(rnd.nextLong(60L * 86_400))).channel(CHANNELS[rnd.nextInt(4)])
          .question(question).attribute("store", "s" + rnd.nextInt(200));
      if (rnd.nextBoolean()) {
        b.touchpoint(new String("tp" + rnd.nextInt(3)));
      }
      p.accept(b.score(qi == 0 ? rnd.nextInt(11) : 1 + rnd.nextInt(5)).build());
    }
    p.same();
    assertTrue(p.columnar.report().unused() > 25_000, "unused " + p.columnar.report().unused());
  }

  @Test
  void profilesDifferingInOneFieldAreNeverConfused() {
    // Profiles whose fields are the very same objects from answer to answer, 40 x 4 x 4 x 3 of
    // them: far more than the scorecard's profile cache has slots, so many pairs that differ in
    // one field only (channel, stage, touchpoint or attributes) meet in one slot.
    Channel[] channels = new Channel[40];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = Channel.of("ch" + c);
    }
    String[] touchpoints = {null, "checkout", "delivery", "returns"};
    List<java.util.Map<String, String>> attributes = List.of(java.util.Map.of(),
        java.util.Map.of("region", "north"), java.util.Map.of("region", "south"));
    SplittableRandom rnd = new SplittableRandom(61);
    Pair p = Pair.of(s -> Scorecard.builder().kpis("nps", "csat").segmentBy(s).build(),
        Segmenter.channel().and(Segmenter.journeyStage()).and(Segmenter.touchpoint())
            .and(Segmenter.attribute("region")));
    for (int i = 0; i < 60_000; i++) {
      boolean nps = rnd.nextBoolean();
      p.accept(new SurveyResponse("c" + i, START.plusSeconds(rnd.nextLong(20L * 86_400)),
          channels[rnd.nextInt(channels.length)],
          JourneyStage.values()[rnd.nextInt(JourneyStage.values().length)],
          touchpoints[rnd.nextInt(touchpoints.length)],
          attributes.get(rnd.nextInt(attributes.size())), nps ? "nps" : "csat",
          nps ? rnd.nextInt(11) : 1 + rnd.nextInt(5), 1.0));
    }
    p.same();
  }

  @Test
  void noAnswerIsTakenAfterTheEndOfInput() {
    Scorecard card = Scorecard.builder().kpis("nps").build();
    card.accept(SurveyResponse.builder("a", START).question("nps").score(9).build());
    card.endOfInput();
    assertEquals(1, card.report().interactions());
    assertThrows(IllegalStateException.class, () -> card.accept(
        SurveyResponse.builder("b", START).question("nps").score(9).build()));
    assertEquals(1, card.report().interactions());
  }
}
