package io.github.cxkpi.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Two benchmarks as pairs of forks, each pair run back to back (one fork each, with the
 * benchmarks' own iterations): the ratio of each pair, then their median, range and how many are
 * within a bound. On a shared machine whose speed drifts by tens of percent within minutes, the
 * ratio of two forks run minutes apart says as much about the drift as about the code; a pair
 * run back to back much less, and many pairs show the spread.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cxkpi.benchmarks.Pairs [PAIRS [A B [BOUND]]]
 * </pre>
 *
 * <p>With no benchmarks named: the record of the cxkpi {@code DurationHistogram} against
 * HdrHistogram's {@code recordValue} ({@link DurationRecordBenchmark}), within 1.5x. Names are
 * {@code Class.method} of this module, e.g. {@code FcrBenchmark.cxkpi FcrBenchmark.duckdb1Thread}.
 */
public final class Pairs {
  private Pairs() {}

  /**
   * Runs the pairs.
   *
   * @param args the number of pairs (default 10), the two benchmarks (default the duration
   *     record against HdrHistogram) and the bound on their ratio that is counted (default 1.5)
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String a = args.length > 2 ? args[1] : "DurationRecordBenchmark.cxkpiHistogram";
    String b = args.length > 2 ? args[2] : "DurationRecordBenchmark.hdrHistogram";
    double bound = args.length > 3 ? Double.parseDouble(args[3]) : 1.5;
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs must be at least 1, was " + pairs);
    }
    double[] ratios = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      RunResult x = fork(a);
      RunResult y = fork(b);
      double sx = x.getPrimaryResult().getScore();
      double sy = y.getPrimaryResult().getScore();
      ratios[i] = sx / sy;
      System.out.printf(Locale.ROOT, "pair %2d  %s %.2f %s  %s %.2f %s  %.2fx%n", i + 1, a, sx,
          x.getPrimaryResult().getScoreUnit(), b, sy, y.getPrimaryResult().getScoreUnit(),
          ratios[i]);
    }
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    double median = pairs % 2 == 1 ? sorted[pairs / 2]
        : (sorted[pairs / 2 - 1] + sorted[pairs / 2]) / 2;
    long within = Arrays.stream(ratios).filter(r -> r <= bound).count();
    System.out.printf(Locale.ROOT, "%s / %s: median %.2fx, range %.2f-%.2fx, %d of %d pairs "
        + "within %.2fx%n", a, b, median, sorted[0], sorted[pairs - 1], within, pairs, bound);
  }

  /** One fork of one benchmark method, with its own warm-up and measurement. */
  private static RunResult fork(String benchmark) throws RunnerException {
    return new Runner(new OptionsBuilder()
        .include(Pairs.class.getPackageName() + "." + benchmark + "$").forks(1)
        .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).runSingle();
  }
}
