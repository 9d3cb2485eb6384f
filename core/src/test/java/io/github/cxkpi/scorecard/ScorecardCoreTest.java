package io.github.cxkpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The scorecard tested in core, with core-test KPIs ({@link ShareKpis}): every cell and every
 * change equals its KPI fed by hand with the cell's rows, and neither the input's order nor the
 * way it is split and merged changes a figure. (The CLI module runs the same checks with the
 * real KPIs, repeat-contact FCR's event-time episodes included.)
 */
class ScorecardCoreTest {
  private static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.PHONE, Channel.APP);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final KpiRegistry REGISTRY = ShareKpis.registry();

  static List<Interaction> randomInteractions(SplittableRandom rnd, int n) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant t = start.plusSeconds(rnd.nextLong(120L * 24 * 3600));
      Channel ch = CHANNELS.get(rnd.nextInt(CHANNELS.size()));
      JourneyStage stage = JourneyStage.values()[rnd.nextInt(4)];
      String customer = "c" + rnd.nextInt(300);
      switch (rnd.nextInt(3)) {
        case 0 -> out.add(SurveyResponse.builder(customer, t).channel(ch).stage(stage)
            .question("q").score(1 + rnd.nextInt(5)).build());
        case 1 -> out.add(SurveyResponse.builder(customer, t).channel(ch).stage(stage)
            .question(rnd.nextBoolean() ? "q" : "other").blank().build());
        default -> out.add(ServiceContact.builder(customer, t).channel(ch).stage(stage)
            .resolvedByAgent(rnd.nextBoolean()).build());
      }
    }
    return out;
  }

  private static Scorecard card(WindowScheme scheme) {
    return Scorecard.builder().registry(REGISTRY)
        .segmentBy(Segmenter.channel().and(Segmenter.journeyStage())).windows(scheme).build();
  }

  private static ScorecardReport run(Scorecard card, List<Interaction> data) {
    data.forEach(card::accept);
    card.endOfInput();
    return card.report();
  }

  private static Predicate<Interaction> in(Window w, SegmentKey seg) {
    return i -> w.contains(i.instant()) && i.channel().name().equals(seg.names().get(0))
        && i.stage().name().toLowerCase().replace('_', '-').equals(seg.names().get(1));
  }

  private static KpiAggregator byHand(String kpi, List<Interaction> data, Predicate<Interaction> p) {
    KpiAggregator a = REGISTRY.get(kpi).newAggregator();
    data.stream().filter(p).forEach(a::accept);
    a.endOfInput();
    return a;
  }

  @Test
  void everyCellAndChangeEqualsItsKpiFedByHand() {
    Seeds.forEach(6, rnd -> {
      List<Interaction> data = randomInteractions(rnd, 1500 + rnd.nextInt(1500));
      WindowScheme scheme = rnd.nextBoolean()
          ? WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, PARIS)
          : WindowScheme.rolling(28, PARIS);
      ScorecardReport report = run(card(scheme), data);
      assertEquals(data.size(), report.interactions());
      long unused = data.stream().filter(i -> i instanceof SurveyResponse r
          && (!r.question().equals("q") || r.score() == null)).count();
      assertEquals(unused, report.unused(), "blank or foreign answers: counted, never dropped");
      assertFalse(report.rows().isEmpty());
      long counted = 0;
      for (ScorecardRow row : report.rows()) {
        KpiAggregator expected = byHand(row.kpiId(), data, in(row.window(), row.segment()));
        assertEquals(expected.summary(0.95), row.summary(), row.toString());
        counted += row.summary().n();
        if (row.change() != null) {
          Window prev = scheme.previousWindow(row.window());
          KpiAggregator old = byHand(row.kpiId(), data, in(prev, row.segment()));
          assertEquals(expected.difference(old, 0.95), row.change(), row.toString());
        }
      }
      if (scheme.rollingDays() == 0) {
        assertEquals(data.size() - unused, counted, "each used row in exactly one cell");
      }
    });
  }

  @Test
  void orderAndSplitChangeNoFigure() {
    Seeds.forEach(6, rnd -> {
      List<Interaction> data = randomInteractions(rnd, 2000);
      WindowScheme scheme = WindowScheme.calendar(WindowScheme.Unit.MONTH, PARIS);
      List<Interaction> sorted = new ArrayList<>(data);
      sorted.sort((x, y) -> x.instant().compareTo(y.instant()));
      ScorecardReport expected = run(card(scheme), sorted);
      List<Interaction> shuffled = new ArrayList<>(data);
      Collections.shuffle(shuffled, new java.util.Random(rnd.nextLong()));
      assertEquals(expected, run(card(scheme), shuffled), "shuffled");
      // Three parts in any order, merged in two shapes: the one-pass report.
      List<Scorecard> parts = List.of(card(scheme), card(scheme), card(scheme));
      for (Interaction i : shuffled) {
        parts.get(rnd.nextInt(3)).accept(i);
      }
      List<Scorecard> copies = List.of(card(scheme), card(scheme), card(scheme));
      for (int k = 0; k < 3; k++) {
        copies.get(k).merge(parts.get(k));
      }
      Scorecard left = parts.get(0).merge(parts.get(1)).merge(parts.get(2));
      left.endOfInput();
      Scorecard right = copies.get(2).merge(copies.get(1).merge(copies.get(0)));
      right.endOfInput();
      assertEquals(expected, left.report(), "(a + b) + c");
      assertEquals(expected, right.report(), "c + (b + a)");
    });
  }

  @Test
  void rowsLaterThanTheAllowedLatenessAreCountedNotUsed() {
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    Scorecard card = Scorecard.builder().registry(REGISTRY)
        .windows(WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("UTC")))
        .allowedLateness(Duration.ofHours(1)).build();
    assertTrue(card.accept(ServiceContact.builder("a", t0.plus(Duration.ofDays(3))).build()));
    card.accept(ServiceContact.builder("b", t0).resolvedByAgent(true).build()); // 3 days late
    card.accept(ServiceContact.builder("c", t0.plus(Duration.ofDays(3)).minusSeconds(60))
        .build()); // within the hour
    card.endOfInput();
    ScorecardReport report = card.report();
    assertEquals(3, report.interactions());
    assertEquals(1, report.late());
    assertEquals(2, report.rowsOf(ShareKpis.RESOLVED).stream().mapToLong(r -> r.summary().n())
        .sum(), "the late row is in no cell");
  }
}
