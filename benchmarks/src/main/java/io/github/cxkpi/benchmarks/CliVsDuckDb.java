package io.github.cxkpi.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end comparison a new user makes: one generated CSV of survey responses (6 channels,
 * NPS, CSAT and CES, 180 days), read by the CLI ({@code report --segment channel --window week
 * --format csv}, a separate JVM, as a user runs it) and by DuckDB's {@code read_csv} with the
 * equivalent {@code GROUP BY} (in this JVM, through JDBC), in the same run and on the same file;
 * every cell (n and value) is checked equal before any time is reported. Times are wall-clock
 * medians of five runs each, the CLI's including its JVM's start.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cxkpi.benchmarks.CliVsDuckDb [ROWS] [CLI_JAR]
 * </pre>
 */
public final class CliVsDuckDb {
  private CliVsDuckDb() {}

  private static final String[] CHANNELS = {"web", "app", "email", "phone", "chat", "store"};
  private static final String[] QUESTIONS = {"nps", "csat", "ces"};

  /**
   * Runs the comparison.
   *
   * @param args the rows (default 5,000,000, the goal's file) and the CLI jar (default
   *     cli/target/cxkpi-cli.jar)
   * @throws Exception when a run fails or the cells differ
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    Path jar = Path.of(args.length > 1 ? args[1] : "cli/target/cxkpi-cli.jar");
    compare(rows, jar).forEach(System.out::println);
  }

  /** The heap the CLI is given in the small-heap run: the read must fit whatever the rows. */
  static final String SMALL_HEAP = "-Xmx48m";

  /**
   * Runs of each, interleaved (DuckDB, then the CLI), whose medians are compared: the machine's
   * speed drifts within a minute, and the range of each is printed with its median.
   */
  static final int RUNS = 5;

  /**
   * Runs the comparison and the CLI once more in a small heap.
   *
   * @return the lines to print
   */
  static List<String> compare(int rows, Path jar) throws Exception {
    List<String> lines = new ArrayList<>();
    Path csv = Files.createTempFile("cxkpi-surveys", ".csv");
    Path out = Files.createTempFile("cxkpi-report", ".csv");
    try {
      generate(csv, rows);
      long bytes = Files.size(csv);
      Map<String, double[]> duck = null;
      Map<String, double[]> cli = null;
      List<Long> duckTimes = new ArrayList<>();
      List<Long> cliTimes = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        long t0 = System.nanoTime();
        duck = duckdb(csv);
        duckTimes.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        cli(jar, csv, out);
        cliTimes.add(System.nanoTime() - t0);
        cli = cliCells(out);
      }
      check(duck, cli);
      double d = median(duckTimes) / 1e9;
      double c = median(cliTimes) / 1e9;
      long t0 = System.nanoTime();
      cli(jar, csv, out, SMALL_HEAP);
      double small = (System.nanoTime() - t0) / 1e9;
      check(duck, cliCells(out));
      lines.add(String.format(Locale.ROOT, "%,d rows (%,d bytes), %d cells, equal in both",
          rows, bytes, duck.size()));
      lines.add(String.format(Locale.ROOT,
          "DuckDB read_csv + GROUP BY  %6.2f s  (%,.0f rows/s; %d runs, %.2f-%.2f s)",
          d, rows / d, RUNS, Collections.min(duckTimes) / 1e9, Collections.max(duckTimes) / 1e9));
      lines.add(String.format(Locale.ROOT,
          "cxkpi CLI report            %6.2f s  (%,.0f rows/s; %d runs, %.2f-%.2f s)",
          c, rows / c, RUNS, Collections.min(cliTimes) / 1e9, Collections.max(cliTimes) / 1e9));
      lines.add(String.format(Locale.ROOT, "ratio cxkpi / DuckDB        %6.2fx", c / d));
      lines.add(String.format(Locale.ROOT, "cxkpi CLI with %s     %6.2f s, same cells (the "
          + "read's heap does not grow with the rows)", SMALL_HEAP, small));
      return lines;
    } finally {
      Files.deleteIfExists(csv);
      Files.deleteIfExists(out);
    }
  }

  private static void generate(Path csv, int rows) throws IOException {
    SplittableRandom rnd = new SplittableRandom(7);
    long start = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("kind,customer_id,instant,channel,question,score\n");
      for (int i = 0; i < rows; i++) {
        int q = rnd.nextInt(3);
        int score = q == 0 ? rnd.nextInt(11) : q == 1 ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(7);
        w.write("survey,c" + rnd.nextInt(200_000) + ","
            + Instant.ofEpochSecond(start + rnd.nextLong(180L * 86_400)) + ","
            + CHANNELS[rnd.nextInt(CHANNELS.length)] + "," + QUESTIONS[q] + "," + score + "\n");
      }
    }
  }

  private static Map<String, double[]> duckdb(Path csv) throws SQLException {
    Map<String, double[]> cells = new HashMap<>();
    try (Connection c = DuckDb.open(); PreparedStatement ps = c.prepareStatement(
        "SELECT channel, CAST(date_trunc('week', CAST(instant AS TIMESTAMPTZ) AT TIME ZONE 'UTC')"
            + " AS DATE) AS week, question, count(*) AS n, count_if(score >= 9) AS top9, "
            + "count_if(score <= 6) AS low6, count_if(score >= 4) AS top4, avg(score) AS mean "
            + "FROM read_csv(?, header = true) GROUP BY ALL")) {
      ps.setString(1, csv.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long n = rs.getLong(4);
          String q = rs.getString(3);
          double value = switch (q) {
            case "nps" -> 100.0 * (rs.getLong(5) - rs.getLong(6)) / n;
            case "csat" -> 100.0 * rs.getLong(7) / n;
            default -> rs.getDouble(8);
          };
          cells.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + q,
              new double[] {n, value});
        }
      }
    }
    return cells;
  }

  private static void cli(Path jar, Path csv, Path out, String... jvm)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvm));
    command.addAll(List.of("-jar", jar.toString(), "report", csv.toString(), "--kpis",
        "nps,csat,ces", "--segment", "channel", "--window", "week", "--format", "csv", "--quiet",
        "-o", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("the CLI failed: exit " + p.exitValue());
    }
  }

  private static Map<String, double[]> cliCells(Path out) throws IOException {
    Map<String, double[]> cells = new HashMap<>();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      // segment,window,window_start,window_end,kpi,n,value,... (no quotes in these fields)
      String[] f = line.split(",", -1);
      if (!f[15].isEmpty()) {
        continue; // a detail row
      }
      String week = Instant.parse(f[2]).atZone(ZoneOffset.UTC).toLocalDate().toString();
      cells.put(f[0] + "|" + week + "|" + f[4],
          new double[] {Long.parseLong(f[5]), Double.parseDouble(f[6])});
    }
    return cells;
  }

  /** The CLI prints values to 6 decimals: equal to that precision, n exactly. */
  private static void check(Map<String, double[]> duck, Map<String, double[]> cli) {
    if (!duck.keySet().equals(cli.keySet())) {
      throw new IllegalStateException("DuckDB has " + duck.size() + " cells, the CLI "
          + cli.size());
    }
    for (Map.Entry<String, double[]> e : duck.entrySet()) {
      double[] d = e.getValue();
      double[] c = cli.get(e.getKey());
      if (d[0] != c[0] || Math.abs(d[1] - c[1]) > 5e-7) {
        throw new IllegalStateException("cell " + e.getKey() + " differs: DuckDB n=" + d[0]
            + " " + d[1] + ", CLI n=" + c[0] + " " + c[1]);
      }
    }
  }

  private static long median(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
