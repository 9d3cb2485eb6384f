package io.github.cxkpi.benchmarks;

import io.github.cxkpi.nps.Nps;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints one table: benchmark, cxkpi, baseline, ratio. With no
 * argument a short version (about a minute per benchmark class on two cores); with
 * {@code --full} the annotated iterations. Ratios compare numbers from the same run.
 */
public final class Report {
  private Report() {}

  /** A row of the table: a cxkpi benchmark and the baseline it is compared with. */
  private record Row(String label, String cxkpi, String baseline) {}

  private static List<Row> rows() {
    List<Row> rows = new java.util.ArrayList<>();
    for (String kpi : List.of("nps", "csat", "ces")) {
      String k = kpi.toUpperCase(Locale.ROOT);
      String p = ":" + kpi;
      rows.add(new Row(k + " single score (ns/op)", "RecordingBenchmark.singleScore" + p,
          "RecordingBenchmark.rawIncrement" + p));
      rows.add(new Row(k + " bulk, 1,024 scores (ns/op)", "RecordingBenchmark.bulk" + p,
          "RecordingBenchmark.rawBulk" + p));
      rows.add(new Row(k + " recorder, 1 writer (ns/op)", "RecordingBenchmark.recorder1Thread" + p,
          "RecordingBenchmark.rawIncrement" + p));
      rows.add(new Row(k + " recorder, 2 writers (ns/op)",
          "RecordingBenchmark.recorder2Threads" + p, "RecordingBenchmark.rawIncrement2Threads" + p));
      rows.add(new Row(k + " recorder, 2 vs 1 writer (ns/op)",
          "RecordingBenchmark.recorder2Threads" + p, "RecordingBenchmark.recorder1Thread" + p));
    }
    rows.add(new Row("FCR repeat contact, 1M customers (ns/contact)",
        "FcrBenchmark.repeatContactFcr", "FcrBenchmark.rawLastContactPerKey"));
    rows.add(new Row("NPS merge (ns/op)", "NpsMergeBenchmark.merge", "NpsMergeBenchmark.rawMerge"));
    rows.add(new Row("NPS toBytes (ns/op)", "NpsMergeBenchmark.toBytes", "NpsMergeBenchmark.rawMerge"));
    rows.add(new Row("NPS fromBytes (ns/op)", "NpsMergeBenchmark.fromBytes",
        "NpsMergeBenchmark.rawMerge"));
    rows.add(new Row("NPS result (ns/op)", "NpsMergeBenchmark.result", "NpsMergeBenchmark.rawMerge"));
    return rows;
  }

  /**
   * Runs the benchmarks.
   *
   * @param args {@code --full} for the long version; anything else is passed to JMH as a
   *     benchmark name filter
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    boolean full = List.of(args).contains("--full");
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    boolean filtered = false;
    for (String a : args) {
      if (!a.startsWith("--")) {
        options.include(a);
        filtered = true;
      }
    }
    if (!filtered) {
      options.include("io.github.cxkpi.benchmarks.(Recording|NpsMerge|Fcr)Benchmark");
    }
    if (!full) {
      options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(3).measurementTime(TimeValue.milliseconds(500)).forks(1);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String kpi = r.getParams().getParam("kpi");
      if (kpi != null) {
        shortName += ":" + kpi;
      }
      scores.put(shortName, new double[] {r.getPrimaryResult().getScore(),
          r.getPrimaryResult().getScoreError()});
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-40s %18s %18s %8s%n", "benchmark", "cxkpi", "baseline",
        "ratio");
    for (Row row : rows()) {
      double[] c = scores.get(row.cxkpi());
      double[] b = scores.get(row.baseline());
      if (c == null || b == null) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%-40s %10.2f ± %-5.2f %10.2f ± %-5.2f %7.2fx%n",
          row.label(), c[0], c[1], b[0], b[1], c[0] / b[0]);
    }
    System.out.printf(Locale.ROOT, "%-40s %10d bytes%n", "NPS aggregator, 100,000 answers",
        sampleSize());
    System.out.printf(Locale.ROOT, "%s, %d cores, Java %s%n", System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
  }

  private static int sampleSize() {
    var a = Nps.aggregator();
    var r = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      a.add(r.nextInt(11));
    }
    return a.toBytes().length;
  }
}
