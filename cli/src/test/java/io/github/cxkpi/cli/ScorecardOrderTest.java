package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.Window;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A scorecard's figures depend on the set of interactions, never on their order: shuffled
 * input gives the report of sorted input, which equals the KPI aggregators fed by hand.
 */
class ScorecardOrderTest {
  private static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.PHONE, Channel.EMAIL);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String[] ALL = {"nps", "csat", "ces", "fcr", "fcr-repeat"};
  private static final Comparator<Interaction> BY_TIME = Comparator.comparing(Interaction::instant);

  /** Interactions on a coarse grid of instants, so that many share one. */
  private static List<Interaction> tiedInteractions(SplittableRandom rnd, int n, int customers) {
    Instant start = Instant.parse("2026-03-02T00:00:00Z");
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant t = start.plusSeconds(3600L * rnd.nextInt(70 * 24));
      Channel ch = CHANNELS.get(rnd.nextInt(CHANNELS.size()));
      String customer = "c" + rnd.nextInt(customers);
      switch (rnd.nextInt(5)) {
        case 0 -> out.add(SurveyResponse.builder(customer, t).channel(ch)
            .question("nps").score(rnd.nextInt(11)).build());
        case 1 -> out.add(SurveyResponse.builder(customer, t).channel(ch)
            .question("csat").score(1 + rnd.nextInt(5)).weight(1 + rnd.nextInt(3)).build());
        case 2 -> out.add(SurveyResponse.builder(customer, t).channel(ch)
            .question("ces").score(1 + rnd.nextInt(7)).build());
        case 3 -> out.add(SurveyResponse.builder(customer, t).channel(ch)
            .question("fcr").score(rnd.nextInt(2)).build());
        default -> out.add(ServiceContact.builder(customer, t).channel(ch).build());
      }
    }
    return out;
  }

  private static Scorecard card(WindowScheme scheme, String... kpis) {
    return Scorecard.builder().kpis(kpis).segmentBy(Segmenter.channel()).windows(scheme).build();
  }

  private static ScorecardReport run(Scorecard card, List<Interaction> data) {
    data.forEach(card::accept);
    card.endOfInput();
    return card.report();
  }

  private static List<Interaction> shuffled(List<Interaction> data, SplittableRandom rnd) {
    List<Interaction> copy = new ArrayList<>(data);
    Collections.shuffle(copy, new java.util.Random(rnd.nextLong()));
    return copy;
  }

  /** The KPI's aggregator fed the rows of one cell in time order, by hand. */
  private static KpiSummary byHand(String kpi, List<Interaction> all, Predicate<Interaction> in) {
    KpiAggregator a = KpiRegistry.load().get(kpi).newAggregator();
    all.stream().filter(in).sorted(BY_TIME).forEach(a::accept);
    a.endOfInput();
    return a.summary(0.95);
  }

  /**
   * Repeat-contact FCR of a window by brute force (KPIS.md): the segment's contacts of each
   * customer over all time, sorted; gap-chained episodes (a gap of at most 7 days, zero
   * included, continues one); the episodes whose first contact falls in the window, resolved
   * when they hold one contact. Returns {episodes, resolved}.
   */
  static long[] fcrOracle(List<Interaction> segmentContacts, Window window) {
    Map<String, List<Instant>> byCustomer = new TreeMap<>();
    for (Interaction i : segmentContacts) {
      if (i instanceof ServiceContact) {
        byCustomer.computeIfAbsent(i.customerId(), c -> new ArrayList<>()).add(i.instant());
      }
    }
    long episodes = 0;
    long resolved = 0;
    for (List<Instant> times : byCustomer.values()) {
      Collections.sort(times);
      int start = 0;
      for (int j = 1; j <= times.size(); j++) {
        if (j == times.size()
            || Duration.between(times.get(j - 1), times.get(j)).compareTo(Duration.ofDays(7)) > 0) {
          if (window.contains(times.get(start))) {
            episodes++;
            resolved += j - start == 1 ? 1 : 0;
          }
          start = j;
        }
      }
    }
    return new long[] {episodes, resolved};
  }

  static void assertEqualsOracle(ScorecardReport report, List<Interaction> data,
      Function<Interaction, String> segmentOf) {
    for (ScorecardRow row : report.rows()) {
      Window w = row.window();
      String segment = row.segment().label();
      if (row.kpiId().equals("fcr-repeat")) {
        long[] expected = fcrOracle(
            data.stream().filter(i -> segmentOf.apply(i).equals(segment)).toList(), w);
        assertEquals(expected[0], row.summary().n(), row.toString());
        assertEquals(100.0 * expected[1] / expected[0], row.summary().value(), 1e-9,
            row.toString());
        continue;
      }
      KpiSummary expected = byHand(row.kpiId(), data,
          i -> w.contains(i.instant()) && segmentOf.apply(i).equals(segment));
      assertEquals(expected, row.summary(), row.toString());
    }
  }

  private static void assertEqualsOracle(ScorecardReport report, List<Interaction> data) {
    assertEqualsOracle(report, data, i -> i.channel().name());
  }

  /** Every episode of the data is in exactly one row (nothing is cut or counted twice). */
  private static void assertEveryEpisodeOnce(ScorecardReport report, List<Interaction> data) {
    long episodes = report.rowsOf("fcr-repeat").stream().mapToLong(r -> r.summary().n()).sum();
    long expected = 0;
    for (String channel : data.stream().map(i -> i.channel().name()).distinct().toList()) {
      expected += fcrOracle(data.stream().filter(i -> i.channel().name().equals(channel))
          .toList(), new Window(Interaction.MIN_INSTANT, Interaction.MAX_INSTANT, "all"))[0];
    }
    assertEquals(expected, episodes);
  }

  @Test
  void shuffledInputGivesTheReportOfSortedInput() {
    Seeds.forEach(5, rnd -> {
      List<Interaction> data = tiedInteractions(rnd, 2000 + rnd.nextInt(2000), 150);
      WindowScheme scheme = rnd.nextBoolean()
          ? WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, PARIS)
          : WindowScheme.calendar(WindowScheme.Unit.MONTH, PARIS);
      List<Interaction> sorted = new ArrayList<>(data);
      sorted.sort(BY_TIME);
      ScorecardReport expected = run(card(scheme, ALL), sorted);
      assertEquals(data.size(), expected.interactions());
      assertEquals(0, expected.late());
      assertEquals(0, expected.unused());
      assertEqualsOracle(expected, data);
      assertEveryEpisodeOnce(expected, data);
      for (int round = 0; round < 3; round++) {
        ScorecardReport actual = run(card(scheme, ALL), shuffled(data, rnd));
        assertEquals(expected, actual, "shuffle " + round);
      }
      // Sorted by customer, as an export by account would be.
      List<Interaction> byCustomer = new ArrayList<>(data);
      byCustomer.sort(Comparator.comparing(Interaction::customerId));
      assertEquals(expected, run(card(scheme, ALL), byCustomer));
    });
  }

  @Test
  void rollingWindowsDoNotDependOnOrderEither() {
    Seeds.forEach(3, rnd -> {
      List<Interaction> data = tiedInteractions(rnd, 1500, 100);
      WindowScheme scheme = WindowScheme.rolling(7, PARIS);
      String[] kpis = ALL;
      List<Interaction> sorted = new ArrayList<>(data);
      sorted.sort(BY_TIME);
      ScorecardReport expected = run(card(scheme, kpis), sorted);
      assertFalse(expected.rowsOf("fcr-repeat").isEmpty());
      assertEqualsOracle(expected, data);
      assertEquals(expected, run(card(scheme, kpis), shuffled(data, rnd)));
    });
  }

  @Test
  void shufflesWithinTheLatenessChangeNothing() {
    Seeds.forEach(4, rnd -> {
      List<Interaction> data = tiedInteractions(rnd, 2000, 150);
      data.sort(BY_TIME);
      Duration lateness = Duration.ofHours(12);
      WindowScheme scheme = WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, PARIS);
      Scorecard sorted = Scorecard.builder().kpis(ALL).segmentBy(Segmenter.channel())
          .windows(scheme).allowedLateness(lateness).build();
      ScorecardReport expected = run(sorted, data);
      assertEquals(0, expected.late());
      assertEqualsOracle(expected, data);
      // Each interaction moved back behind later ones by at most the lateness: shuffle
      // within blocks of 12 hours (the data sits on a grid of hours).
      Instant first = data.get(0).instant();
      List<Interaction> jittered = data.stream()
          .collect(Collectors.groupingBy(
              i -> Duration.between(first, i.instant()).toHours() / 12,
              java.util.TreeMap::new, Collectors.toList()))
          .values().stream().flatMap(block -> shuffled(block, rnd).stream()).toList();
      Scorecard shuffledCard = Scorecard.builder().kpis(ALL).segmentBy(Segmenter.channel())
          .windows(scheme).allowedLateness(lateness).build();
      ScorecardReport actual = run(shuffledCard, jittered);
      assertEquals(0, actual.late());
      assertEquals(expected, actual);
    });
  }

  @Test
  void theIssuesExampleCountsTwoEpisodes() {
    Instant day = Instant.parse("2026-05-04T00:00:00Z");
    List<Interaction> contacts = List.of(
        ServiceContact.builder("a", day.plus(Duration.ofHours(10))).build(),
        ServiceContact.builder("b", day.plus(Duration.ofHours(8))).build(),
        ServiceContact.builder("b", day.plus(Duration.ofHours(9))).build());
    ScorecardReport report = run(Scorecard.builder().kpis("fcr-repeat").build(), contacts);
    assertEquals(1, report.rows().size());
    KpiSummary fcr = report.rows().get(0).summary();
    assertEquals(2, fcr.n());
    assertEquals(50.0, fcr.value(), 1e-12);
    assertEquals(0, report.unused());
  }

  @Test
  void aRepeatInTheNextWeekCountsForTheEpisodeOfThisWeek() {
    // Sunday evening and Monday morning in Paris: one episode, in the first week, unresolved.
    Instant sunday = Instant.parse("2026-05-10T19:00:00Z");
    List<Interaction> contacts = List.of(
        ServiceContact.builder("a", sunday).build(),
        ServiceContact.builder("a", sunday.plus(Duration.ofHours(12))).build(),
        ServiceContact.builder("b", sunday.plus(Duration.ofHours(13))).build());
    ScorecardReport report = run(Scorecard.builder().kpis("fcr-repeat")
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, PARIS)).build(), contacts);
    assertEquals(2, report.rows().size(), report.rows().toString());
    assertEquals("2026-W19", report.rows().get(0).window().label());
    assertEquals(1, report.rows().get(0).summary().n());
    assertEquals(0.0, report.rows().get(0).summary().value());
    assertEquals("2026-W20", report.rows().get(1).window().label());
    assertEquals(1, report.rows().get(1).summary().n());
    assertEquals(100.0, report.rows().get(1).summary().value());
  }

  @Test
  void mergedScorecardsOfDisjointCustomersEqualOne() {
    List<Interaction> data = tiedInteractions(new SplittableRandom(9), 3000, 200);
    data.sort(BY_TIME);
    WindowScheme scheme = WindowScheme.rolling(7, PARIS);
    ScorecardReport whole = run(card(scheme, ALL), data);
    for (int ends = 0; ends < 4; ends++) {
      Scorecard a = card(scheme, ALL);
      Scorecard b = card(scheme, ALL);
      for (Interaction i : data) {
        (Math.floorMod(i.customerId().hashCode(), 2) == 0 ? a : b).accept(i);
      }
      if ((ends & 1) != 0) {
        a.endOfInput();
      }
      if ((ends & 2) != 0) {
        b.endOfInput();
      }
      a.merge(b);
      a.endOfInput();
      assertEquals(whole.rows(), a.report().rows(), "a ended: " + ((ends & 1) != 0)
          + ", b ended: " + ((ends & 2) != 0));
    }
  }

  @Test
  void equalInstantsAreNeverLate() {
    Instant t = Instant.parse("2026-05-04T10:00:00Z");
    Scorecard card = Scorecard.builder().kpis("nps").allowedLateness(Duration.ZERO).build();
    for (int i = 0; i < 100; i++) {
      assertTrue(card.accept(SurveyResponse.builder("c" + i, t).score(i % 11).build()));
    }
    assertFalse(card.accept(SurveyResponse.builder("x", t.minusMillis(1)).score(9).build()));
    ScorecardReport report = run(card, List.of());
    assertEquals(1, report.late());
    assertEquals(100, report.rows().get(0).summary().n());
  }

  @Test
  void scorecardsOnManyThreadsShareOneSchemeAndSegmenter() throws Exception {
    WindowScheme scheme = WindowScheme.calendar(WindowScheme.Unit.DAY, PARIS);
    WindowScheme rolling = WindowScheme.rolling(3, PARIS);
    Segmenter segmenter = Segmenter.channel().and(Segmenter.journeyStage());
    KpiRegistry registry = KpiRegistry.load();
    List<List<Interaction>> inputs = IntStream.range(0, 8)
        .mapToObj(k -> tiedInteractions(new SplittableRandom(100 + k), 3000, 200)).toList();
    List<ScorecardReport> alone = new ArrayList<>();
    for (List<Interaction> in : inputs) {
      WindowScheme own = k(in) % 2 == 0 ? WindowScheme.calendar(WindowScheme.Unit.DAY, PARIS)
          : WindowScheme.rolling(3, PARIS);
      alone.add(run(Scorecard.builder().registry(registry).kpis("nps", "csat", "fcr")
          .segmentBy(Segmenter.channel().and(Segmenter.journeyStage())).windows(own).build(), in));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        List<Future<ScorecardReport>> futures = new ArrayList<>();
        for (List<Interaction> in : inputs) {
          WindowScheme shared = k(in) % 2 == 0 ? scheme : rolling;
          futures.add(pool.submit(() -> run(Scorecard.builder().registry(registry)
              .kpis("nps", "csat", "fcr").segmentBy(segmenter).windows(shared).build(), in)));
        }
        for (int i = 0; i < inputs.size(); i++) {
          assertEquals(alone.get(i), futures.get(i).get(), "input " + i + ", round " + round);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int k(List<Interaction> in) {
    return in.get(0).customerId().hashCode() & 1;
  }

  /** A CSAT provider on another scale under the same id: same KPIs by name, other meaning. */
  static final class TenPointCsat implements KpiProvider {
    @Override
    public String id() {
      return Csat.ID;
    }

    @Override
    public int frameKind() {
      return Csat.TYPE.frameKind();
    }

    @Override
    public String displayName() {
      return "CSAT 1-10";
    }

    @Override
    public KpiAggregator newAggregator() {
      return RatingKpiAggregator.of(Csat.aggregator(Csat.onScale(1, 10)));
    }

    @Override
    public KpiAggregator fromBytes(byte[] bytes) {
      return RatingKpiAggregator.of(Csat.fromBytes(bytes));
    }
  }

  @Test
  void aMergeThatFailsLeavesTheScorecardUnchanged() {
    KpiRegistry standard = KpiRegistry.load();
    KpiRegistry tenPoint = KpiRegistry.of(List.of(standard.get("nps"), new TenPointCsat()));
    List<Interaction> data = tiedInteractions(new SplittableRandom(7), 2000, 100);
    Scorecard ours = Scorecard.builder().registry(standard).kpis("nps", "csat")
        .segmentBy(Segmenter.channel()).build();
    Scorecard theirs = Scorecard.builder().registry(tenPoint).kpis("nps", "csat")
        .segmentBy(Segmenter.channel()).build();
    data.forEach(ours::accept);
    data.forEach(theirs::accept);
    ScorecardReport before = ours.report();
    assertThrows(IllegalArgumentException.class, () -> ours.merge(theirs));
    assertEquals(before, ours.report());
    // And it still takes input and merges with a scorecard that matches.
    Scorecard same = Scorecard.builder().registry(standard).kpis("nps", "csat")
        .segmentBy(Segmenter.channel()).build();
    data.forEach(same::accept);
    ours.merge(same);
    assertEquals(2L * data.size(), ours.report().interactions());
  }

  @Test
  void aRollingReportBeforeTheEndOfInputShowsWhatIsDecided() {
    Scorecard card = Scorecard.builder().kpis("nps", "fcr-repeat")
        .windows(WindowScheme.rolling(7, PARIS)).allowedLateness(Duration.ofDays(1)).build();
    List<Interaction> data = tiedInteractions(new SplittableRandom(3), 1500, 50);
    data.sort(BY_TIME);
    data.forEach(card::accept);
    ScorecardReport early = card.report();
    assertFalse(early.rowsOf("nps").isEmpty());
    // Decided so far: the episodes that started more than 7 days + the lateness before the end.
    assertFalse(early.rowsOf("fcr-repeat").isEmpty());
    card.endOfInput();
    ScorecardReport done = card.report();
    assertEquals(early.rowsOf("nps"), done.rowsOf("nps"));
    assertEqualsOracle(done, data, i -> "all");
    assertTrue(done.rowsOf("fcr-repeat").size() > early.rowsOf("fcr-repeat").size());
  }

  @Test
  void aDayThatDoesNotExistInItsZoneIsNoWindow() {
    // Samoa skipped 2011-12-30 when it moved across the date line.
    ZoneId apia = ZoneId.of("Pacific/Apia");
    Instant before = LocalDate.of(2011, 12, 29).atTime(23, 0).atZone(apia).toInstant();
    Instant after = LocalDate.of(2011, 12, 31).atTime(1, 0).atZone(apia).toInstant();
    for (WindowScheme scheme : List.of(WindowScheme.calendar(WindowScheme.Unit.DAY, apia),
        WindowScheme.rolling(2, apia))) {
      Scorecard card = Scorecard.builder().kpis("nps").windows(scheme).build();
      ScorecardReport report = run(card, List.of(
          SurveyResponse.builder("a", before).score(10).build(),
          SurveyResponse.builder("b", after).score(0).build()));
      assertEquals(2, report.interactions());
      long total = report.rows().stream().filter(r -> r.window().contains(after))
          .mapToLong(r -> r.summary().n()).max().orElseThrow();
      assertTrue(total >= 1, scheme + ": " + report.rows());
      for (ScorecardRow row : report.rows()) {
        assertTrue(row.window().start().isBefore(row.window().end()), row.toString());
      }
    }
  }
}
