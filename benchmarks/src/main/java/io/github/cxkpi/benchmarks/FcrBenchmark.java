package io.github.cxkpi.benchmarks;

import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactResult;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Repeat-contact FCR over 2 million contacts of 1 million customers (7-day window, derived
 * watermark), in ns per contact, beside a baseline that only keeps the last instant per
 * customer in a {@code HashMap} (the least any keyed streaming computation does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class FcrBenchmark {
  static final int CUSTOMERS = 1_000_000;
  static final int CONTACTS = 2_000_000;

  FcrStream stream;

  @Setup(Level.Trial)
  public void setUp() {
    stream = FcrStream.generate(CUSTOMERS, CONTACTS, 11);
  }

  /** Baseline: the last instant per key in a hash map. */
  @Benchmark
  @OperationsPerInvocation(CONTACTS)
  public Map<String, Long> rawLastContactPerKey() {
    Map<String, Long> last = new HashMap<>();
    FcrStream s = stream;
    for (int i = 0; i < CONTACTS; i++) {
      last.put(s.keys[i], s.instants[i].toEpochMilli());
    }
    return last;
  }

  /** The streaming aggregator, then end of stream. */
  @Benchmark
  @OperationsPerInvocation(CONTACTS)
  public RepeatContactResult repeatContactFcr() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    FcrStream s = stream;
    for (int i = 0; i < CONTACTS; i++) {
      a.add(s.keys[i], s.instants[i], s.resolved[i]);
    }
    a.endOfStream();
    return a.result();
  }
}
