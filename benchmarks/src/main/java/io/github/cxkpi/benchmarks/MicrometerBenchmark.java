package io.github.cxkpi.benchmarks;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.micrometer.KpiMeters;
import io.github.cxkpi.micrometer.SegmentRecorder;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scale.RatingRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording an NPS answer through the Micrometer binder ({@code cxkpi-micrometer}) against the
 * bare {@link RatingRecorder}, with one and two writer threads: a kept
 * {@link SegmentRecorder} ({@code segment*}), and a survey response whose segment the binder's
 * segmenter finds by channel ({@code response*}). Both sides have a reader closing an interval
 * every 100 ms (the binder its own scheduler, the bare recorder a scheduled
 * {@code intervalSnapshot()}), so the writers pay the same buffer swaps. Expected ratio: 1 for
 * the kept segment recorder against the bare recorder; for responses segmented by channel, the
 * peer is what a user would write by hand: a map of recorders by channel
 * ({@code byChannelResponse*}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MicrometerBenchmark {
  static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.EMAIL, Channel.PHONE};

  /** The bare recorder and the binder, shared by the writer threads. */
  @State(Scope.Benchmark)
  public static class Shared {
    RatingRecorder<NpsAggregator> bare;
    // What a user writes by hand without the binder: a recorder per channel in a map.
    ConcurrentHashMap<Channel, RatingRecorder<NpsAggregator>> byChannel;
    KpiMeters meters;
    SegmentRecorder web;
    ScheduledExecutorService reader;
    SimpleMeterRegistry registry;

    @Setup(Level.Trial)
    public void setUp() {
      bare = Nps.recorder();
      byChannel = new ConcurrentHashMap<>();
      for (Channel c : CHANNELS) {
        byChannel.put(c, Nps.recorder());
      }
      reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bare-reader");
        t.setDaemon(true);
        return t;
      });
      reader.scheduleAtFixedRate(() -> {
        bare.intervalSnapshot();
        byChannel.values().forEach(RatingRecorder::intervalSnapshot);
      }, 100, 100, TimeUnit.MILLISECONDS);
      registry = new SimpleMeterRegistry();
      meters = KpiMeters.builder(Nps::aggregator).byChannel()
          .window(Duration.ofMillis(100), 10).build();
      meters.bindTo(registry);
      web = meters.segment("web");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      reader.shutdownNow();
      meters.close();
    }
  }

  /** Scores and responses a thread cycles through. */
  @State(Scope.Thread)
  public static class Input {
    static final int SIZE = 1024;
    int[] scores = new int[SIZE];
    SurveyResponse[] responses = new SurveyResponse[SIZE];
    int i;

    @Setup
    public void setUp() {
      SplittableRandom r = new SplittableRandom(42);
      Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
      for (int k = 0; k < SIZE; k++) {
        scores[k] = r.nextInt(11);
        responses[k] = SurveyResponse.builder("c" + k, t0)
            .channel(CHANNELS[r.nextInt(CHANNELS.length)]).question("nps").score(scores[k])
            .build();
      }
    }

    int next() {
      int k = i;
      i = (k + 1) & (SIZE - 1);
      return k;
    }
  }

  /** One answer into the bare recorder, one writer. */
  @Benchmark
  @Threads(1)
  public void bare1(Shared s, Input in) {
    s.bare.record(in.scores[in.next()]);
  }

  /** One answer into the bare recorder, two writers. */
  @Benchmark
  @Threads(2)
  public void bare2(Shared s, Input in) {
    s.bare.record(in.scores[in.next()]);
  }

  /** One answer through a kept segment recorder of the binder, one writer. */
  @Benchmark
  @Threads(1)
  public void segment1(Shared s, Input in) {
    s.web.record(in.scores[in.next()]);
  }

  /** One answer through a kept segment recorder of the binder, two writers. */
  @Benchmark
  @Threads(2)
  public void segment2(Shared s, Input in) {
    s.web.record(in.scores[in.next()]);
  }

  /** One survey response into the bare recorder, one writer. */
  @Benchmark
  @Threads(1)
  public boolean bareResponse1(Shared s, Input in) {
    return s.bare.record(in.responses[in.next()]);
  }

  /** One survey response into a hand-written map of recorders by channel, one writer. */
  @Benchmark
  @Threads(1)
  public boolean byChannelResponse1(Shared s, Input in) {
    SurveyResponse r = in.responses[in.next()];
    return s.byChannel.get(r.channel()).record(r);
  }

  /** One survey response into a hand-written map of recorders by channel, two writers. */
  @Benchmark
  @Threads(2)
  public boolean byChannelResponse2(Shared s, Input in) {
    SurveyResponse r = in.responses[in.next()];
    return s.byChannel.get(r.channel()).record(r);
  }

  /** One survey response through the binder (segment by channel), one writer. */
  @Benchmark
  @Threads(1)
  public boolean response1(Shared s, Input in) {
    return s.meters.record(in.responses[in.next()]);
  }

  /** One survey response through the binder (segment by channel), two writers. */
  @Benchmark
  @Threads(2)
  public boolean response2(Shared s, Input in) {
    return s.meters.record(in.responses[in.next()]);
  }
}
