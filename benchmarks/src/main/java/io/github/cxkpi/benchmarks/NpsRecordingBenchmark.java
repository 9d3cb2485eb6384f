package io.github.cxkpi.benchmarks;

import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scale.RatingRecorder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording NPS answers: one score, a bulk of 1,024, and the concurrent recorder with one and
 * two writers, each beside a raw {@code long[]} increment doing the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NpsRecordingBenchmark {

  /** Scores that a thread records, cycled through by index. */
  @State(Scope.Thread)
  public static class Input {
    static final int SIZE = 1024;
    int[] scores = new int[SIZE];
    int i;
    long[] counts = new long[11];
    NpsAggregator aggregator = Nps.aggregator();

    @Setup
    public void setUp() {
      SplittableRandom r = new SplittableRandom(42);
      for (int k = 0; k < SIZE; k++) {
        scores[k] = r.nextInt(11);
      }
    }

    int next() {
      int s = scores[i];
      i = (i + 1) & (SIZE - 1);
      return s;
    }
  }

  /** The recorder all writer threads share. */
  @State(Scope.Benchmark)
  public static class Shared {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
  }

  /** Baseline: one bounds-checked {@code long[]} increment. */
  @Benchmark
  public long rawIncrement(Input in) {
    int s = in.next();
    return ++in.counts[s];
  }

  /** One score into an aggregator. */
  @Benchmark
  public NpsAggregator singleScore(Input in) {
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
  public NpsAggregator bulk(Input in) {
    return in.aggregator.addAll(in.scores);
  }

  /** One score into the concurrent recorder, one writer. */
  @Benchmark
  @Threads(1)
  public RatingRecorder<NpsAggregator> recorder1Thread(Shared shared, Input in) {
    shared.recorder.record(in.next());
    return shared.recorder;
  }

  /** One score into the concurrent recorder, two writers at once (time per write). */
  @Benchmark
  @Threads(2)
  public RatingRecorder<NpsAggregator> recorder2Threads(Shared shared, Input in) {
    shared.recorder.record(in.next());
    return shared.recorder;
  }

  /** Baseline for the recorders: the raw increment with two threads, each its own array. */
  @Benchmark
  @Threads(2)
  public long rawIncrement2Threads(Input in) {
    int s = in.next();
    return ++in.counts[s];
  }
}
