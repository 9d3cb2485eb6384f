package io.github.cxkpi.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An in-memory DuckDB connection through its JDBC driver, for the peer benchmarks. */
final class DuckDb {
  private DuckDb() {}

  static Connection open() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new SQLException("the DuckDB JDBC driver is not on the class path", e);
    }
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  /** A query that may throw SQLException. */
  interface Query<T> {
    T run() throws SQLException;
  }

  /**
   * Runs a query with DuckDB limited to one thread (a setting of the whole database), then
   * gives it back its default, one thread per core.
   */
  static <T> T onOneThread(Connection duck, Query<T> query) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute("SET threads TO 1");
    }
    try {
      return query.run();
    } finally {
      try (Statement st = duck.createStatement()) {
        st.execute("RESET threads");
      }
    }
  }
}
