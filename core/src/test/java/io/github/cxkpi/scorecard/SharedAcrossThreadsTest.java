package io.github.cxkpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiOptions;
import io.github.cxkpi.spi.KpiRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The types that say they are immutable or thread-safe, used by many threads at once: each
 * thread gets what one thread alone gets.
 */
class SharedAcrossThreadsTest {
  private static final int THREADS = 8;

  /** Runs the task on THREADS threads released together, returning each thread's answer. */
  private static <T> List<T> together(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Instant> instants(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Instant> out = new ArrayList<>();
    long span = Interaction.MAX_INSTANT.getEpochSecond() - Interaction.MIN_INSTANT.getEpochSecond();
    for (int i = 0; i < n; i++) {
      out.add(rnd.nextInt(4) == 0 ? Interaction.MIN_INSTANT.plusSeconds(rnd.nextLong(span))
          : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(rnd.nextLong(400L * 86_400)));
    }
    return out;
  }

  @Test
  void oneWindowSchemeAnsweredByManyThreads() throws Exception {
    List<Instant> instants = instants(1, 20_000);
    for (WindowScheme shared : List.of(
        WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("Pacific/Apia")),
        WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneId.of("Europe/Paris")),
        WindowScheme.calendar(WindowScheme.Unit.MONTH, ZoneId.of("America/Sao_Paulo")),
        WindowScheme.rolling(28, ZoneId.of("Asia/Kathmandu")))) {
      List<Window> alone = new ArrayList<>();
      WindowScheme own = shared.rollingDays() > 0
          ? WindowScheme.rolling(shared.rollingDays(), shared.zone())
          : WindowScheme.calendar(shared.unit(), shared.zone());
      for (Instant t : instants) {
        alone.add(own.paneOf(t));
      }
      List<List<Window>> answers = together(() -> {
        List<Window> mine = new ArrayList<>();
        WindowScheme.PaneCache cache = shared.newPaneCache();
        for (int i = 0; i < instants.size(); i++) {
          Window w = (i & 1) == 0 ? shared.paneOf(instants.get(i)) : cache.paneOf(instants.get(i));
          mine.add(w);
          assertEquals(true, w.contains(instants.get(i)), w + " holds " + instants.get(i));
          if (w.start().isAfter(Interaction.MIN_INSTANT.plus(Duration.ofDays(40)))) {
            assertEquals(w.start(), shared.previousPane(w).end());
          }
        }
        return mine;
      });
      for (List<Window> a : answers) {
        assertEquals(alone, a, shared.toString());
      }
    }
  }

  @Test
  void oneSegmenterKeysManyThreadsAlike() throws Exception {
    List<Interaction> rows = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(2);
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      rows.add(SurveyResponse.builder("c", t).channel(Channel.of("ch" + rnd.nextInt(50)))
          .touchpoint("tp" + rnd.nextInt(3000))
          .attribute("store", "s" + rnd.nextInt(5000)).score(5).build());
    }
    Segmenter shared = Segmenter.channel().and(Segmenter.touchpoint())
        .and(Segmenter.attribute("store")).and(Segmenter.journeyStage());
    Segmenter own = Segmenter.channel().and(Segmenter.touchpoint())
        .and(Segmenter.attribute("store")).and(Segmenter.journeyStage());
    List<SegmentKey> alone = rows.stream().map(own::segmentOf).toList();
    for (List<SegmentKey> keys : together(() -> rows.stream().map(shared::segmentOf).toList())) {
      assertEquals(alone, keys);
    }
    // One cached key per value, whichever thread made it first.
    Segmenter stores = Segmenter.attribute("store");
    List<List<SegmentKey>> answers = together(() -> rows.stream().map(stores::segmentOf).toList());
    for (List<SegmentKey> keys : answers) {
      for (int i = 0; i < keys.size(); i++) {
        assertSame(answers.get(0).get(i), keys.get(i));
      }
    }
  }

  @Test
  void registriesAndOptionsAreSharedValues() throws Exception {
    KpiRegistry registry = KpiRegistry.load();
    KpiOptions options = KpiOptions.allowedLateness(Duration.ofMinutes(5));
    List<String> answers = together(() -> {
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        KpiRegistry mine = KpiRegistry.load();
        assertEquals(registry.ids(), mine.ids());
        for (String id : registry.ids()) {
          assertEquals(id, registry.get(id).newAggregator(options).kpiId());
        }
        assertEquals(KpiOptions.allowedLateness(Duration.ofMinutes(5)), options);
      }
      return seen.append(registry.ids()).append(options).toString();
    });
    for (String a : answers) {
      assertEquals(answers.get(0), a);
    }
  }
}
