package io.github.cxkpi.benchmarks;

import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Repeat-contact FCR over 10 million contacts of 1 million customers (7-day window, derived
 * watermark, gap-chained episodes), against DuckDB's window-function query giving the same
 * figures over the same rows already loaded in a table, in the same run. cxkpi runs one contact
 * at a time ({@code add}) and over columns ({@code addAll}: keys, epoch milliseconds, marks, as
 * DuckDB's table holds them). The setup checks that all give the same episodes, resolved
 * episodes and repeated contacts, and prints the peak number of pending keys of the streaming
 * state.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g"})
@State(Scope.Benchmark)
public class FcrBenchmark {
  /** Contacts. */
  @Param("10000000")
  public int contacts;

  /** Customers. */
  @Param("1000000")
  public int customers;

  FcrStream stream;
  Connection duck;

  static final String QUERY = "WITH g AS (SELECT ts - lag(ts) OVER w AS prev_gap, "
      + "lead(ts) OVER w - ts AS next_gap FROM contacts "
      + "WINDOW w AS (PARTITION BY customer ORDER BY ts, resolved)) "
      + "SELECT count(*) AS contacts, "
      + "count(*) FILTER (WHERE prev_gap IS NULL OR prev_gap > INTERVAL 7 DAY) AS episodes, "
      + "count(*) FILTER (WHERE (prev_gap IS NULL OR prev_gap > INTERVAL 7 DAY) "
      + "AND (next_gap IS NULL OR next_gap > INTERVAL 7 DAY)) AS resolved, "
      + "count(*) FILTER (WHERE next_gap <= INTERVAL 7 DAY) AS repeated FROM g";

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    stream = FcrStream.generate(customers, contacts, 11);
    duck = DuckDb.open();
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE TABLE contacts (customer VARCHAR, ts TIMESTAMP, resolved BOOLEAN)");
    }
    try (DuckDBAppender app = ((DuckDBConnection) duck).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "contacts")) {
      for (int i = 0; i < contacts; i++) {
        app.beginRow();
        app.append(stream.keys[i]);
        app.appendEpochMicros(stream.instants[i].toEpochMilli() * 1000L);
        app.append(stream.resolved[i]);
        app.endRow();
      }
    }
    RepeatContactResult r = cxkpi();
    long[] d = duckdb();
    try {
      for (RepeatContactResult other : new RepeatContactResult[] {
          cxkpi2Threads(), cxkpiColumns(), cxkpiColumns2Threads()}) {
        if (!other.equals(r)) {
          throw new IllegalStateException(other + " differs from one contact at a time " + r);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (r.contacts() != d[0] || r.episodesDecided() != d[1] || r.episodesResolved() != d[2]
        || r.contactsRepeated() != d[3] || r.lateContacts() != 0) {
      throw new IllegalStateException("cxkpi " + r + " differs from DuckDB "
          + java.util.Arrays.toString(d));
    }
    System.out.printf("%nFCR %.4f, repeat rate %.4f; peak pending keys %,d%n", r.fcr(),
        r.repeatContactRate(), peakPendingKeys(stream));
    // The inputs (millions of objects) were just made, in the young generation: collect now, so
    // that copying them out of it falls on no measured shot (one such collection took 81 ms, in
    // a shot of 430, and came at random in the first shots of either side).
    System.gc();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
  }

  static long peakPendingKeys(FcrStream s) {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    long peak = 0;
    for (int i = 0; i < s.keys.length; i++) {
      a.add(s.keys[i], s.instants[i], s.resolved[i]);
      if ((i & 0xFFFF) == 0) {
        peak = Math.max(peak, a.pendingKeys());
      }
    }
    return peak;
  }

  /** cxkpi: the streaming aggregator over the contacts in arrival order, then end of stream. */
  @Benchmark
  public RepeatContactResult cxkpi() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    FcrStream s = stream;
    for (int i = 0; i < s.keys.length; i++) {
      a.add(s.keys[i], s.instants[i], s.resolved[i]);
    }
    a.endOfInput();
    return a.result();
  }

  /**
   * cxkpi on both cores: the stream partitioned by key between two threads (as a job keyed by
   * customer would be), each with its own aggregator, merged at the end.
   */
  @Benchmark
  public RepeatContactResult cxkpi2Threads() throws Exception {
    java.util.concurrent.CompletableFuture<RepeatContactAggregator> other =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> partition(1));
    return partition(0).merge(other.get()).result();
  }

  private RepeatContactAggregator partition(int p) {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    FcrStream s = stream;
    for (int i = 0; i < s.keys.length; i++) {
      if ((s.keys[i].hashCode() & 1) == p) {
        a.add(s.keys[i], s.instants[i], s.resolved[i]);
      }
    }
    a.endOfInput();
    return a;
  }

  /** cxkpi over columns: {@code addAll} over the whole arrays, then end of stream. */
  @Benchmark
  public RepeatContactResult cxkpiColumns() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    FcrStream s = stream;
    a.addAll(s.keys, s.millis, s.resolved, 0, s.keys.length);
    a.endOfInput();
    return a.result();
  }

  /**
   * cxkpi over columns on both cores: each thread gathers its partition's rows (by key, as
   * {@link #cxkpi2Threads()}) into columns of 4,096 rows and records them with {@code addAll};
   * the two are merged at the end.
   */
  @Benchmark
  public RepeatContactResult cxkpiColumns2Threads() throws Exception {
    java.util.concurrent.CompletableFuture<RepeatContactAggregator> other =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> columnsPartition(1));
    return columnsPartition(0).merge(other.get()).result();
  }

  private RepeatContactAggregator columnsPartition(int p) {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    FcrStream s = stream;
    int chunk = 4096;
    String[] keys = new String[chunk];
    long[] millis = new long[chunk];
    boolean[] resolved = new boolean[chunk];
    int n = 0;
    for (int i = 0; i < s.keys.length; i++) {
      if ((s.keys[i].hashCode() & 1) == p) {
        keys[n] = s.keys[i];
        millis[n] = s.millis[i];
        resolved[n] = s.resolved[i];
        if (++n == chunk) {
          a.addAll(keys, millis, resolved, 0, n);
          n = 0;
        }
      }
    }
    a.addAll(keys, millis, resolved, 0, n);
    a.endOfInput();
    return a;
  }

  /** DuckDB: the window-function query over the loaded table, on all cores (its default). */
  @Benchmark
  public long[] duckdb() throws SQLException {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
    }
  }

  /** DuckDB on one thread: the baseline of cxkpi's one-thread run (same number of threads). */
  @Benchmark
  public long[] duckdb1Thread() throws SQLException {
    return DuckDb.onOneThread(duck, this::duckdb);
  }
}
