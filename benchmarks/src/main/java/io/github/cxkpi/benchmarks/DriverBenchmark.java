package io.github.cxkpi.benchmarks;

import io.github.cxkpi.drivers.DriverAggregator;
import io.github.cxkpi.drivers.DriverDefinition;
import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.event.SurveyResponse;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Key drivers: the cost of one respondent (k factors and the outcome) in the aggregator, beside
 * a plain double-loop co-moment update of the same d = k + 1 variables in the same run. One
 * operation is one respondent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DriverBenchmark {
  private static final int ROWS = 4096;

  @Param({"8", "30"})
  int k;

  int d;
  int[][] rows = new int[0][];
  int[] outcomes = new int[0];
  SurveyResponse[][] answers = new SurveyResponse[0][];
  double[][] xs = new double[0][];
  int next;
  DriverAggregator aggregator = Drivers.aggregator();
  DriverAggregator byAnswer = Drivers.aggregator();

  // the baseline's state
  double w;
  double[] mean = new double[0];
  double[] c = new double[0];
  double[] delta = new double[0];

  @Setup
  public void setUp() {
    d = k + 1;
    String[] factors = new String[k];
    for (int i = 0; i < k; i++) {
      factors[i] = "f" + i;
    }
    DriverDefinition def = Drivers.outcome("nps", 0, 10).withFactors(1, 10, factors);
    aggregator = Drivers.aggregator(def);
    byAnswer = Drivers.aggregator(def);
    SplittableRandom r = new SplittableRandom(7);
    rows = new int[ROWS][k];
    outcomes = new int[ROWS];
    answers = new SurveyResponse[ROWS][];
    xs = new double[ROWS][d];
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    for (int n = 0; n < ROWS; n++) {
      int base = 1 + r.nextInt(10);
      for (int i = 0; i < k; i++) {
        rows[n][i] = Math.max(1, Math.min(10, base + r.nextInt(5) - 2));
        xs[n][i] = rows[n][i];
      }
      outcomes[n] = Math.min(10, base + r.nextInt(2));
      xs[n][k] = outcomes[n];
      answers[n] = new SurveyResponse[d];
      for (int i = 0; i < d; i++) {
        answers[n][i] = SurveyResponse.builder("c" + n, t.plusSeconds(n))
            .question(i == k ? "nps" : factors[i]).score(i == k ? outcomes[n] : rows[n][i])
            .build();
      }
    }
    mean = new double[d];
    c = new double[d * d];
    delta = new double[d];
  }

  /** Baseline: Welford's co-moment update as a plain double loop over all d x d cells. */
  @Benchmark
  public double[] plainDoubleLoop() {
    double[] x = xs[next++ & (ROWS - 1)];
    w += 1;
    for (int i = 0; i < d; i++) {
      delta[i] = x[i] - mean[i];
      mean[i] += delta[i] / w;
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        c[i * d + j] += delta[i] * (x[j] - mean[j]);
      }
    }
    return c;
  }

  /** One complete respondent through {@link DriverAggregator#addRespondent}. */
  @Benchmark
  public DriverAggregator addRespondent() {
    int n = next++ & (ROWS - 1);
    return aggregator.addRespondent(outcomes[n], rows[n]);
  }

  /** One respondent as k + 1 survey answers through {@link DriverAggregator#accept}. */
  @Benchmark
  public DriverAggregator acceptAnswers() {
    SurveyResponse[] a = answers[next++ & (ROWS - 1)];
    for (SurveyResponse s : a) {
      byAnswer.accept(s);
    }
    return byAnswer;
  }
}
