package io.github.cxkpi.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
}
