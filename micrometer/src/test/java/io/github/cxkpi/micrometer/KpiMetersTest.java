package io.github.cxkpi.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.spi.KpiSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KpiMetersTest {
  static final long SEED = Long.getLong("cxkpi.seed", 20261124L);
  static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.PHONE};
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  static SurveyResponse nps(Channel c, int score) {
    return SurveyResponse.builder("c1", T0).channel(c).question("nps").score(score).build();
  }

  static double gauge(MeterRegistry r, String name, String... tags) {
    return r.get(name).tags(tags).gauge().value();
  }

  static void assertSame(KpiSummary expected, MeterRegistry r, String kpi, String... tags) {
    String p = "cxkpi." + kpi;
    assertEquals(expected.value(), gauge(r, p + ".score", tags), 0.0, "score " + List.of(tags));
    assertEquals(expected.interval().lower(), gauge(r, p + ".score.lower", tags), 0.0);
    assertEquals(expected.interval().upper(), gauge(r, p + ".score.upper", tags), 0.0);
    assertEquals(expected.n(), gauge(r, p + ".responses", tags), 0.0);
    assertEquals(expected.smallSample() ? 1 : 0, gauge(r, p + ".small.sample", tags), 0.0);
  }

  @Test
  void valuesEqualTheLibrarysResultPerSegment() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    Map<Channel, List<Integer>> answers = new HashMap<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator).byChannel()
        .window(Duration.ofMinutes(1), 5).manualTicks().build()) {
      meters.bindTo(registry);
      for (int i = 0; i < 500; i++) {
        Channel c = CHANNELS[rnd.nextInt(CHANNELS.length)];
        // The phone channel gets few answers: a small sample.
        if (c == Channel.PHONE && rnd.nextInt(20) != 0) {
          continue;
        }
        int s = rnd.nextInt(11);
        answers.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
        assertTrue(meters.record(nps(c, s)));
      }
      assertFalse(meters.record(SurveyResponse.builder("c2", T0).question("csat").score(4)
          .build()), "another question is left alone");
      meters.tick();
      for (Channel c : CHANNELS) {
        NpsAggregator expected = Nps.aggregator()
            .addAll(answers.get(c).stream().mapToInt(Integer::intValue).toArray());
        KpiSummary s = expected.summary(0.95);
        assertSame(s, registry, "nps", "channel", c.name(), "window", "PT5M", "question",
            "nps");
        assertEquals(s, meters.snapshot().get(SegmentKey.of(c.name())), "seed " + SEED);
        assertEquals(answers.get(c).size(), registry.get("cxkpi.nps.answers")
            .tag("channel", c.name()).functionCounter().count(), 0.0);
      }
      assertTrue(meters.snapshot().get(SegmentKey.of("phone")).smallSample(), "seed " + SEED);
      assertEquals(0.95, Double.parseDouble(registry.get("cxkpi.nps.score.lower")
          .tag("channel", "web").gauge().getId().getTag("level")), 0.0);
    }
  }

  @Test
  void otherKpisAndLevelsThroughTheRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KpiMeters csat = KpiMeters.builder("csat").taggedBy("team").level(0.9)
        .window(Duration.ofSeconds(10), 6).manualTicks().tags("service", "checkout").build()) {
      assertEquals("csat", csat.kpiId());
      csat.bindTo(registry);
      SegmentRecorder a = csat.segment("a");
      int[] scores = {5, 4, 4, 3, 1, 5, 5, 2};
      for (int s : scores) {
        a.record(s);
      }
      csat.tick();
      KpiSummary expected = Csat.aggregator().addAll(scores).summary(0.9);
      assertSame(expected, registry, "csat", "team", "a", "window", "PT1M", "service",
          "checkout", "question", Csat.definition().question());
      assertEquals("0.9", registry.get("cxkpi.csat.score.upper").gauge().getId().getTag("level"));
      assertThrows(IllegalStateException.class, () -> csat.record(
          SurveyResponse.builder("c", T0).question(csat.question()).score(3).build()));
      assertThrows(IllegalArgumentException.class, () -> csat.segment("a", "b"));
    }
    assertThrows(IllegalArgumentException.class, () -> KpiMeters.builder("fcr-repeat"));
    try (KpiMeters fcr = KpiMeters.builder("fcr").manualTicks().build()) {
      assertEquals("fcr", fcr.kpiId());
    }
    assertThrows(IllegalArgumentException.class,
        () -> KpiMeters.builder(Nps::aggregator).taggedBy("window"));
    assertThrows(IllegalArgumentException.class,
        () -> KpiMeters.builder(Nps::aggregator).taggedBy("a", "a"));
  }

  @Test
  void aCombinedSegmenterGivesOneTagPerField() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator)
        .segmentedBy(io.github.cxkpi.scorecard.Segmenter.channel()
            .and(io.github.cxkpi.scorecard.Segmenter.journeyStage()), "channel", "stage")
        .manualTicks().build()) {
      meters.bindTo(registry);
      meters.record(SurveyResponse.builder("a", T0).channel(Channel.APP)
          .stage(io.github.cxkpi.event.JourneyStage.PURCHASE).question("nps").score(10).build());
      meters.record(SurveyResponse.builder("b", T0).channel(Channel.APP)
          .stage(io.github.cxkpi.event.JourneyStage.PURCHASE).question("nps").score(0).build());
      meters.tick();
      assertEquals(2, gauge(registry, "cxkpi.nps.responses", "channel", "app", "stage",
          "purchase"), 0.0);
      assertEquals(0, gauge(registry, "cxkpi.nps.score", "channel", "app", "stage",
          "purchase"), 0.0);
      assertThrows(IllegalArgumentException.class, () -> meters.segment("app"),
          "one value for two tag keys");
    }
  }

  @Test
  void theRollingWindowExpiresOldIntervals() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator)
        .window(Duration.ofMinutes(1), 3).manualTicks().build()) {
      meters.bindTo(registry);
      SegmentRecorder all = meters.segment();
      List<int[]> intervals = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int[] batch = rnd.ints(1 + rnd.nextInt(100), 0, 11).toArray();
        intervals.add(batch);
        for (int s : batch) {
          all.record(s);
        }
        meters.tick();
        NpsAggregator expected = Nps.aggregator();
        for (int k = Math.max(0, t - 2); k <= t; k++) {
          expected.addAll(intervals.get(k));
        }
        assertSame(expected.summary(0.95), registry, "nps", "window", "PT3M");
      }
      for (int t = 0; t < 3; t++) {
        meters.tick();
      }
      assertEquals(0, gauge(registry, "cxkpi.nps.responses"), 0.0);
      assertTrue(Double.isNaN(gauge(registry, "cxkpi.nps.score")));
      long total = intervals.stream().mapToLong(b -> b.length).sum();
      assertEquals(total, registry.get("cxkpi.nps.answers").functionCounter().count(), 0.0);
    }
  }

  @Test
  void theCapFoldsNewSegmentsIntoOtherAndCountsThem() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator).byChannel().maxSegments(2)
        .manualTicks().build()) {
      meters.bindTo(registry);
      NpsAggregator other = Nps.aggregator();
      int[] scores = {10, 9, 0, 7, 8, 10, 3};
      for (int i = 0; i < 70; i++) {
        Channel c = new Channel("ch" + (i % 10));
        int s = scores[i % scores.length];
        meters.record(nps(c, s));
        if (i % 10 >= 2) {
          other.add(s);
        }
      }
      SegmentRecorder folded = meters.segment("ch5");
      assertTrue(folded.isFolded());
      assertEquals(List.of("other"), folded.tagValues());
      assertFalse(meters.segment("ch1").isFolded());
      meters.tick();
      assertEquals(8, meters.droppedSegments(), "eight channels beyond the cap, each once");
      assertEquals(56, meters.foldedAnswers());
      assertEquals(8, registry.get("cxkpi.segments.dropped").tag("kpi", "nps")
          .functionCounter().count(), 0.0);
      assertEquals(56, registry.get("cxkpi.segments.folded").functionCounter().count(), 0.0);
      assertEquals(3, gauge(registry, "cxkpi.segments"), 0.0);
      assertEquals(3, meters.snapshot().size());
      assertSame(other.summary(0.95), registry, "nps", "channel", "other");
      assertEquals(3, Search.in(registry).name("cxkpi.nps.score").gauges().size());
    }
  }

  @Test
  void prometheusTextHasTheDocumentedNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator).byChannel().manualTicks()
        .build()) {
      meters.bindTo(registry);
      for (int s : new int[] {10, 10, 9, 8, 3}) {
        meters.record(nps(Channel.WEB, s));
      }
      meters.tick();
      String text = registry.scrape();
      for (String name : List.of(
          "cxkpi_nps_score{channel=\"web\",question=\"nps\",window=\"PT5M\"} 40.0",
          "cxkpi_nps_score_lower{channel=\"web\",level=\"0.95\",question=\"nps\",window=\"PT5M\"}",
          "cxkpi_nps_score_upper{channel=\"web\",level=\"0.95\",question=\"nps\",window=\"PT5M\"}",
          "cxkpi_nps_responses{channel=\"web\",question=\"nps\",window=\"PT5M\"} 5.0",
          "cxkpi_nps_small_sample{channel=\"web\",question=\"nps\",window=\"PT5M\"} 1.0",
          "cxkpi_nps_answers_total{channel=\"web\",question=\"nps\"} 5.0",
          "cxkpi_segments_dropped_total{kpi=\"nps\",question=\"nps\"} 0.0",
          "cxkpi_segments_folded_total{kpi=\"nps\",question=\"nps\"} 0.0",
          "cxkpi_segments{kpi=\"nps\",question=\"nps\"} 1.0")) {
        assertTrue(text.contains(name), () -> name + " not in\n" + text);
      }
    }
    assertFalse(registry.scrape().contains("cxkpi_"), "close removes the meters");
  }

  @Test
  void theOwnSchedulerTicksAndCloseStopsIt() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KpiMeters meters = KpiMeters.builder(Nps::aggregator).window(Duration.ofMillis(5), 1000)
        .build();
    meters.bindTo(registry);
    meters.segment().record(10);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (registry.find("cxkpi.nps.responses").gauge() == null
        || registry.get("cxkpi.nps.responses").gauge().value() < 1) {
      assertTrue(System.nanoTime() < deadline, "no tick within 10 s");
      Thread.sleep(5);
    }
    assertTrue(threadAlive("cxkpi-micrometer-nps"));
    meters.close();
    deadline = System.nanoTime() + 10_000_000_000L;
    while (threadAlive("cxkpi-micrometer-nps")) {
      assertTrue(System.nanoTime() < deadline, "the scheduler still runs 10 s after close");
      Thread.sleep(5);
    }
    assertTrue(registry.getMeters().isEmpty());
    assertThrows(IllegalStateException.class, () -> meters.bindTo(registry));
  }

  @Test
  void aSchedulerOfTheCallersIsUsedAndNotShutDown() throws Exception {
    java.util.concurrent.ScheduledExecutorService mine =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      KpiMeters meters = KpiMeters.builder(Nps::aggregator).window(Duration.ofMillis(5), 10)
          .scheduler(mine).build();
      meters.segment().record(9);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (meters.snapshot().isEmpty()
          || meters.snapshot().get(SegmentKey.ALL).n() < 1) {
        assertTrue(System.nanoTime() < deadline, "no tick within 10 s");
        Thread.sleep(5);
      }
      meters.close();
      assertFalse(mine.isShutdown());
      assertFalse(threadAlive("cxkpi-micrometer-nps"));
    } finally {
      mine.shutdownNow();
    }
  }

  static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
