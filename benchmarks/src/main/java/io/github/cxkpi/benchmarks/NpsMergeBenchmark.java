package io.github.cxkpi.benchmarks;

import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.nps.NpsResult;
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
import org.openjdk.jmh.annotations.Warmup;

/** Merging, serializing and reading an NPS aggregator, beside a raw 11-counter add. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NpsMergeBenchmark {
  NpsAggregator target = Nps.aggregator();
  NpsAggregator source = Nps.aggregator();
  long[] rawTarget = new long[11];
  long[] rawSource = new long[11];
  byte[] bytes = new byte[0];

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      int s = r.nextInt(11);
      source.add(s);
      rawSource[s]++;
    }
    bytes = source.toBytes();
  }

  /** Baseline: add 11 counters into 11 others. */
  @Benchmark
  public long[] rawMerge() {
    for (int i = 0; i < 11; i++) {
      rawTarget[i] += rawSource[i];
    }
    return rawTarget;
  }

  /** Merge one aggregator into another. */
  @Benchmark
  public NpsAggregator merge() {
    return target.merge(source);
  }

  /** Serialize an aggregator of 100,000 answers. */
  @Benchmark
  public byte[] toBytes() {
    return source.toBytes();
  }

  /** Decode (and validate) it. */
  @Benchmark
  public NpsAggregator fromBytes() {
    return Nps.fromBytes(bytes);
  }

  /** Compute the result record. */
  @Benchmark
  public NpsResult result() {
    return source.result();
  }
}
