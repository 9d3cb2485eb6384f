package io.github.cxkpi.benchmarks;

import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.scale.RatingRecorder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording answers of NPS (0-10), CSAT (1-5) and CES (1-7): one score, a bulk of 1,024, and
 * the concurrent recorder with one and two writers, each beside a raw {@code long[]} increment
 * doing the same work on the same scores, and the concurrent peers a user would otherwise
 * reach for: a {@link LongAdder} per point of the scale, and HdrHistogram's {@link Recorder}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingBenchmark {

  /** Which KPI; its scale decides the scores. */
  @State(Scope.Benchmark)
  public static class Kpi {
    @Param({"nps", "csat", "ces"})
    public String kpi;

    RatingRecorder<?> recorder;
    LongAdder[] adders;
    Recorder hdr;

    @Setup
    public void setUp() {
      adders = new LongAdder[16];
      for (int i = 0; i < adders.length; i++) {
        adders[i] = new LongAdder();
      }
      hdr = new Recorder(2);
      recorder = switch (kpi) {
        case "nps" -> Nps.recorder();
        case "csat" -> Csat.recorder(Csat.definition());
        case "ces" -> Ces.recorder(Ces.v2());
        default -> throw new IllegalArgumentException(kpi);
      };
    }

    RatingAggregator<?, ?, ?> aggregator() {
      return switch (kpi) {
        case "nps" -> Nps.aggregator();
        case "csat" -> Csat.aggregator();
        default -> Ces.aggregator();
      };
    }
  }

  /** Scores that a thread records, cycled through by index, and its own raw counters. */
  @State(Scope.Thread)
  public static class Input {
    static final int SIZE = 1024;
    int[] scores = new int[SIZE];
    int[] offsets = new int[SIZE];
    int i;
    long[] counts = new long[16];
    RatingAggregator<?, ?, ?> aggregator;

    @Setup
    public void setUp(Kpi kpi) {
      aggregator = kpi.aggregator();
      int min = aggregator.definition().scaleMin();
      int points = aggregator.definition().scaleMax() - min + 1;
      SplittableRandom r = new SplittableRandom(42);
      for (int k = 0; k < SIZE; k++) {
        scores[k] = min + r.nextInt(points);
        offsets[k] = scores[k] - min;
      }
    }

    int next() {
      int s = scores[i];
      i = (i + 1) & (SIZE - 1);
      return s;
    }
  }

  /** Baseline: one bounds-checked {@code long[]} increment. */
  @Benchmark
  public long rawIncrement(Input in) {
    int s = in.next();
    return ++in.counts[s];
  }

  /** One score into an aggregator. */
  @Benchmark
  public Object singleScore(Input in) {
    return in.aggregator.add(in.next());
  }

  /** Baseline: 1,024 increments in a plain loop. */
  @Benchmark
  public long[] rawBulk(Input in) {
    long[] c = in.counts;
    for (int s : in.scores) {
      c[s]++;
    }
    return c;
  }

  /** 1,024 scores into an aggregator with {@code addAll}. */
  @Benchmark
  public Object bulk(Input in) {
    return in.aggregator.addAll(in.scores);
  }

  /** One score into the concurrent recorder, one writer. */
  @Benchmark
  @Threads(1)
  public Object recorder1Thread(Kpi kpi, Input in) {
    kpi.recorder.record(in.next());
    return kpi.recorder;
  }

  /** One score into the concurrent recorder, two writers at once (time per write). */
  @Benchmark
  @Threads(2)
  public Object recorder2Threads(Kpi kpi, Input in) {
    kpi.recorder.record(in.next());
    return kpi.recorder;
  }

  /** Baseline for two writers: the raw increment in two threads, each its own array. */
  @Benchmark
  @Threads(2)
  public long rawIncrement2Threads(Input in) {
    int s = in.next();
    return ++in.counts[s];
  }

  /** Peer: a {@code LongAdder} per point, one writer. */
  @Benchmark
  @Threads(1)
  public Object longAdder1Thread(Kpi kpi, Input in) {
    kpi.adders[in.next()].increment();
    return kpi.adders;
  }

  /** Peer: a {@code LongAdder} per point, two writers. */
  @Benchmark
  @Threads(2)
  public Object longAdder2Threads(Kpi kpi, Input in) {
    kpi.adders[in.next()].increment();
    return kpi.adders;
  }

  /** Peer: HdrHistogram's {@code Recorder}, one writer. */
  @Benchmark
  @Threads(1)
  public Object hdrRecorder1Thread(Kpi kpi, Input in) {
    kpi.hdr.recordValue(in.next());
    return kpi.hdr;
  }

  /** Peer: HdrHistogram's {@code Recorder}, two writers. */
  @Benchmark
  @Threads(2)
  public Object hdrRecorder2Threads(Kpi kpi, Input in) {
    kpi.hdr.recordValue(in.next());
    return kpi.hdr;
  }
}
