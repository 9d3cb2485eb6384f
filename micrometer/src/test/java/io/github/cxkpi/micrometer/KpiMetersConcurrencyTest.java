package io.github.cxkpi.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.spi.KpiSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers record while one thread ticks and another scrapes (Prometheus text and gauge values):
 * when the writers are done and a last tick has run, the window holds every answer written.
 */
class KpiMetersConcurrencyTest {
  static final long SEED = Long.getLong("cxkpi.seed", 77L);
  static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.EMAIL, Channel.CHAT};

  @Test
  void concurrentWritersWhileScrapingLoseNothing() throws Exception {
    for (int round = 0; round < 3; round++) {
      run(SEED + round, 3, 50_000);
    }
  }

  static void run(long seed, int writers, int perWriter) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // 1,440 intervals: more than the ticks below, so the window holds everything.
    try (KpiMeters meters = KpiMeters.builder(Nps::aggregator).byChannel()
        .window(Duration.ofSeconds(1), 1440).manualTicks().build()) {
      meters.bindTo(registry);
      NpsAggregator[][] expected = new NpsAggregator[writers][CHANNELS.length];
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int w = 0; w < writers; w++) {
        int id = w;
        threads.add(new Thread(() -> {
          SplittableRandom r = new SplittableRandom(seed * 31 + id);
          for (int c = 0; c < CHANNELS.length; c++) {
            expected[id][c] = Nps.aggregator();
          }
          SegmentRecorder web = meters.segment("web");
          Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
          try {
            start.await();
            for (int i = 0; i < perWriter; i++) {
              int c = r.nextInt(CHANNELS.length);
              int s = r.nextInt(11);
              expected[id][c].add(s);
              if (c == 0 && (i & 1) == 0) {
                web.record(s); // a kept segment recorder
              } else {
                meters.record(SurveyResponse.builder("c" + id, t0).channel(CHANNELS[c])
                    .question("nps").score(s).build());
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }, "writer-" + w));
      }
      AtomicLong ticks = new AtomicLong();
      AtomicLong scrapes = new AtomicLong();
      Thread ticker = new Thread(() -> {
        while (!done.get() && ticks.get() < 1000) {
          meters.tick();
          ticks.incrementAndGet();
          Thread.yield();
        }
      }, "ticker");
      Thread scraper = new Thread(() -> {
        long lastSum = 0;
        while (!done.get()) {
          String text = registry.scrape();
          // Nothing expires (fewer ticks than intervals): n summed over segments never drops.
          long sum = 0;
          for (Gauge g : registry.find("cxkpi.nps.responses").gauges()) {
            sum += (long) g.value();
          }
          if (sum < lastSum) {
            errors.add(new AssertionError("n went down from " + lastSum + " to " + sum));
          }
          lastSum = sum;
          if (!text.contains("cxkpi_segments")) {
            errors.add(new AssertionError("no cxkpi meters in a scrape"));
          }
          for (Gauge g : registry.find("cxkpi.nps.responses").gauges()) {
            if (g.value() < 0) {
              errors.add(new AssertionError("negative n"));
            }
          }
          scrapes.incrementAndGet();
        }
      }, "scraper");
      threads.forEach(Thread::start);
      ticker.start();
      scraper.start();
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      done.set(true);
      ticker.join();
      scraper.join();
      meters.tick();
      assertTrue(errors.isEmpty(), () -> "seed " + seed + ": " + errors);
      assertTrue(ticks.get() > 1 && scrapes.get() > 0, "seed " + seed);

      long sumN = 0;
      for (int c = 0; c < CHANNELS.length; c++) {
        NpsAggregator all = Nps.aggregator();
        for (int w = 0; w < writers; w++) {
          all.merge(expected[w][c]);
        }
        String ch = CHANNELS[c].name();
        KpiSummary want = all.summary(0.95);
        assertEquals(want, meters.snapshot().get(SegmentKey.of(ch)), "seed " + seed);
        double n = registry.get("cxkpi.nps.responses").tag("channel", ch).gauge().value();
        assertEquals(want.n(), n, 0.0, "seed " + seed + " channel " + ch);
        assertEquals(want.value(),
            registry.get("cxkpi.nps.score").tag("channel", ch).gauge().value(), 0.0);
        sumN += (long) n;
      }
      assertEquals((long) writers * perWriter, sumN, "seed " + seed + ": answers lost");
      assertTrue(registry.scrape().contains("cxkpi_nps_answers_total{channel=\"web\""));
    }
  }
}
