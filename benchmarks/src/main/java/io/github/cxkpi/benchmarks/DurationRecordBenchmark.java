package io.github.cxkpi.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import io.github.cxkpi.time.DurationHistogram;
import io.github.cxkpi.time.DurationRecorder;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
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

/**
 * Recording one duration (nanoseconds, lognormal around two minutes, from 1 ms to days): the
 * cxkpi {@link DurationHistogram} (1 % relative accuracy, targets 20 s and 24 h counted exactly),
 * its thread-safe {@link DurationRecorder} with one writer, HdrHistogram's {@link Histogram}
 * (2 significant digits, auto-resizing) and DDSketch (1 %, unbounded dense store, the cubically
 * interpolated mapping), beside a raw {@code long[]} increment on the same inputs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DurationRecordBenchmark {

  /** Durations cycled through by index, and the structures a thread records into. */
  @State(Scope.Thread)
  public static class Input {
    static final int SIZE = 1024;
    long[] nanos = new long[SIZE];
    int[] slots = new int[SIZE];
    int i;
    long[] counts = new long[SIZE];
    DurationHistogram histogram;
    DurationRecorder recorder;
    Histogram hdr;
    DDSketch sketch;

    @Setup
    public void setUp() {
      SplittableRandom r = new SplittableRandom(42);
      for (int k = 0; k < SIZE; k++) {
        nanos[k] = DurationAccuracy.next(r);
        slots[k] = (int) (nanos[k] & (SIZE - 1));
      }
      List<Duration> targets = List.of(Duration.ofSeconds(20), Duration.ofHours(24));
      histogram = DurationHistogram.create(0.01, targets);
      recorder = DurationRecorder.create(0.01, targets);
      hdr = new Histogram(2);
      hdr.setAutoResize(true);
      sketch = DDSketches.unboundedDense(0.01);
      // Touch every bucket the inputs use, so that no run measures a first allocation.
      for (long v : nanos) {
        histogram.recordNanos(v);
        recorder.recordNanos(v);
        hdr.recordValue(v);
        sketch.accept(v);
      }
    }

    int next() {
      int k = i;
      i = (k + 1) & (SIZE - 1);
      return k;
    }
  }

  /** Baseline: one bounds-checked {@code long[]} increment at a precomputed slot. */
  @Benchmark
  public long rawIncrement(Input in) {
    return ++in.counts[in.slots[in.next()]];
  }

  /** One duration into the cxkpi histogram. */
  @Benchmark
  public Object cxkpiHistogram(Input in) {
    in.histogram.recordNanos(in.nanos[in.next()]);
    return in.histogram;
  }

  /** One duration into the cxkpi thread-safe recorder, one writer. */
  @Benchmark
  public Object cxkpiRecorder(Input in) {
    in.recorder.recordNanos(in.nanos[in.next()]);
    return in.recorder;
  }

  /** One duration into HdrHistogram's {@code Histogram.recordValue}. */
  @Benchmark
  public Object hdrHistogram(Input in) {
    in.hdr.recordValue(in.nanos[in.next()]);
    return in.hdr;
  }

  /** One duration into DDSketch's {@code accept}. */
  @Benchmark
  public Object ddSketch(Input in) {
    in.sketch.accept(in.nanos[in.next()]);
    return in.sketch;
  }
}
