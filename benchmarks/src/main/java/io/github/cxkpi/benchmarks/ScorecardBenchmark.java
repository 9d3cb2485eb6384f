package io.github.cxkpi.benchmarks;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.SurveyBatch;
import io.github.cxkpi.scorecard.WindowScheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A scorecard of NPS, CSAT and CES by channel and ISO week over in-memory survey responses
 * (10 million by default), against DuckDB running the equivalent GROUP BY over the same rows
 * already loaded in a DuckDB table, in the same run. The setup checks that both give the same
 * n and the same values in every cell.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g"})
@State(Scope.Benchmark)
public class ScorecardBenchmark {
  static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.APP, Channel.EMAIL,
      Channel.PHONE, Channel.CHAT, Channel.STORE);
  static final String[] QUESTIONS = {"nps", "csat", "ces"};

  /** How many responses. */
  @Param("10000000")
  public int rows;

  List<SurveyResponse> responses = List.of();
  // The same rows in columns, in batches of BATCH rows (as DuckDB holds them in its table).
  List<SurveyBatch> batches = List.of();
  static final int BATCH = 65_536;
  Connection duck;

  static final String QUERY = "SELECT channel, date_trunc('week', ts) AS week, question, "
      + "count(*) AS n, count_if(score >= 9) AS top9, count_if(score <= 6) AS low6, "
      + "count_if(score >= 4) AS top4, avg(score) AS mean, stddev_samp(score) AS sd "
      + "FROM responses GROUP BY ALL";

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    SplittableRandom rnd = new SplittableRandom(3);
    long start = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond(); // a Monday
    List<SurveyResponse> list = new ArrayList<>(rows);
    List<SurveyBatch> columns = new ArrayList<>();
    SurveyBatch batch = SurveyBatch.withCapacity(BATCH);
    int[] profiles = new int[CHANNELS.size()];
    for (int c = 0; c < profiles.length; c++) {
      profiles[c] = batch.profile(CHANNELS.get(c));
    }
    int[] questionIds = new int[QUESTIONS.length];
    for (int q = 0; q < QUESTIONS.length; q++) {
      questionIds[q] = batch.question(QUESTIONS[q]);
    }
    String[] customers = new String[100_000];
    for (int i = 0; i < customers.length; i++) {
      customers[i] = "c" + i;
    }
    duck = DuckDb.open();
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE TABLE responses (channel VARCHAR, ts TIMESTAMP, question VARCHAR, "
          + "score INTEGER)");
    }
    try (DuckDBAppender app = ((DuckDBConnection) duck).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "responses")) {
      for (int i = 0; i < rows; i++) {
        int chIndex = rnd.nextInt(CHANNELS.size());
        Channel ch = CHANNELS.get(chIndex);
        Instant t = Instant.ofEpochSecond(start + rnd.nextLong(91L * 24 * 3600));
        int q = rnd.nextInt(3);
        int score = q == 0 ? rnd.nextInt(11) : q == 1 ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(7);
        list.add(SurveyResponse.builder(customers[rnd.nextInt(customers.length)], t).channel(ch)
            .stage(JourneyStage.POST_PURCHASE).question(QUESTIONS[q]).score(score).build());
        if (batch.size() == BATCH) {
          columns.add(batch);
          batch = SurveyBatch.withCapacity(BATCH);
          for (int c = 0; c < profiles.length; c++) {
            batch.profile(CHANNELS.get(c)); // same ids in every batch
          }
          for (String question : QUESTIONS) {
            batch.question(question);
          }
        }
        batch.add(profiles[chIndex], t.toEpochMilli(), questionIds[q], score);
        app.beginRow();
        app.append(ch.name());
        app.appendEpochMicros(t.getEpochSecond() * 1_000_000L);
        app.append(QUESTIONS[q]);
        app.append(score);
        app.endRow();
      }
    }
    responses = list;
    columns.add(batch);
    batches = columns;
    List<Object[]> sql = duckdb();
    check(cxkpi(), sql);
    check(cxkpiColumns(), sql);
    try {
      check(cxkpi2Threads(), sql);
      check(cxkpiColumns2Threads(), sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // The inputs (millions of objects) were just made, in the young generation: collect now, so
    // that copying them out of it falls on no measured shot (one such collection took 81 ms, in
    // a shot of 430, and came at random in the first shots of either side).
    System.gc();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
  }

  /** cxkpi: the scorecard over the responses, report included. */
  @Benchmark
  public ScorecardReport cxkpi() {
    Scorecard card = Scorecard.builder().kpis("nps", "csat", "ces")
        .segmentBy(Segmenter.channel())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC)).build();
    for (SurveyResponse r : responses) {
      card.accept(r);
    }
    return card.report();
  }

  /**
   * cxkpi on both cores: each thread builds a scorecard of half the responses, then the two
   * merge (DuckDB uses both cores too).
   */
  @Benchmark
  public ScorecardReport cxkpi2Threads() throws Exception {
    int half = responses.size() / 2;
    java.util.concurrent.CompletableFuture<Scorecard> other =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> build(half, responses.size()));
    Scorecard mine = build(0, half);
    return mine.merge(other.get()).report();
  }

  private Scorecard build(int from, int to) {
    Scorecard card = Scorecard.builder().kpis("nps", "csat", "ces")
        .segmentBy(Segmenter.channel())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC)).build();
    for (int i = from; i < to; i++) {
      card.accept(responses.get(i));
    }
    return card;
  }

  /** cxkpi's columnar path: the same rows in batches of columns, report included. */
  @Benchmark
  public ScorecardReport cxkpiColumns() {
    return columns(0, batches.size()).report();
  }

  /** The columnar path on both cores: half the batches each, then a merge. */
  @Benchmark
  public ScorecardReport cxkpiColumns2Threads() throws Exception {
    int half = batches.size() / 2;
    java.util.concurrent.CompletableFuture<Scorecard> other =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> columns(half, batches.size()));
    Scorecard mine = columns(0, half);
    return mine.merge(other.get()).report();
  }

  private Scorecard columns(int from, int to) {
    Scorecard card = Scorecard.builder().kpis("nps", "csat", "ces")
        .segmentBy(Segmenter.channel())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC)).build();
    for (int i = from; i < to; i++) {
      card.accept(batches.get(i));
    }
    return card;
  }

  /** DuckDB on one thread: the baseline of cxkpi's one-thread runs (same number of threads). */
  @Benchmark
  public List<Object[]> duckdb1Thread() throws SQLException {
    return DuckDb.onOneThread(duck, this::duckdb);
  }

  /** DuckDB: the GROUP BY over the loaded table, results fetched, on all cores (its default). */
  @Benchmark
  public List<Object[]> duckdb() throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement ps = duck.prepareStatement(QUERY); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Object[] {rs.getString(1), rs.getObject(2, java.time.LocalDateTime.class),
            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
            rs.getDouble(8), rs.getDouble(9)});
      }
    }
    return out;
  }

  /** Both give the same n and value in every cell. */
  static void check(ScorecardReport report, List<Object[]> sql) {
    Map<String, double[]> expected = new HashMap<>();
    for (Object[] r : sql) {
      String week = ((java.time.LocalDateTime) r[1]).toLocalDate().toString();
      long n = (long) r[3];
      double value = switch ((String) r[2]) {
        case "nps" -> 100.0 * ((long) r[4] - (long) r[5]) / n;
        case "csat" -> 100.0 * (long) r[6] / n;
        default -> (double) r[7];
      };
      expected.put(r[0] + "|" + week + "|" + r[2], new double[] {n, value});
    }
    if (expected.size() != report.rows().size()) {
      throw new IllegalStateException("DuckDB has " + expected.size() + " cells, cxkpi "
          + report.rows().size());
    }
    for (ScorecardRow row : report.rows()) {
      String key = row.segment().label() + "|"
          + row.window().start().atZone(ZoneOffset.UTC).toLocalDate() + "|" + row.kpiId();
      double[] e = expected.get(key);
      if (e == null || e[0] != row.summary().n()
          || Math.abs(e[1] - row.summary().value()) > 1e-9 * Math.max(1, Math.abs(e[1]))) {
        throw new IllegalStateException("cell " + key + " differs: DuckDB "
            + (e == null ? "none" : e[0] + " " + e[1]) + ", cxkpi " + row.summary());
      }
    }
  }
}
