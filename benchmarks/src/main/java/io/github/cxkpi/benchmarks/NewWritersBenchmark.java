package io.github.cxkpi.benchmarks;

import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scale.RatingRecorder;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of many short-lived writers: N virtual threads (JDK 21+; reached by reflection so
 * the module compiles for Java 17), each recording one answer and ending, then one interval
 * snapshot. The baseline is the same threads incrementing a shared {@code LongAdder}; the
 * difference over N is what a new writer costs the recorder.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class NewWritersBenchmark {
  /** How many threads per operation. */
  @Param("100000")
  public int threads;

  private Object builder;
  private Method start;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    if (Runtime.version().feature() < 21) {
      throw new IllegalStateException("virtual threads need JDK 21+");
    }
    builder = Thread.class.getMethod("ofVirtual").invoke(null);
    start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
  }

  private void runAll(Runnable[] tasks) throws Exception {
    Thread[] all = new Thread[tasks.length];
    for (int i = 0; i < tasks.length; i++) {
      all[i] = (Thread) start.invoke(builder, tasks[i]);
    }
    for (Thread t : all) {
      t.join();
    }
  }

  /** Baseline: each thread increments one shared adder. */
  @Benchmark
  public long longAdder() throws Exception {
    LongAdder adder = new LongAdder();
    Runnable[] tasks = new Runnable[threads];
    for (int i = 0; i < threads; i++) {
      tasks[i] = adder::increment;
    }
    runAll(tasks);
    return adder.sum();
  }

  /** Each thread records one answer into one recorder; then one snapshot. */
  @Benchmark
  public long recorder() throws Exception {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    Runnable[] tasks = new Runnable[threads];
    for (int i = 0; i < threads; i++) {
      int score = i % 11;
      tasks[i] = () -> recorder.record(score);
    }
    runAll(tasks);
    long n = recorder.intervalSnapshot().count();
    if (n != threads) {
      throw new IllegalStateException("lost answers: " + n + " of " + threads);
    }
    return n;
  }
}
