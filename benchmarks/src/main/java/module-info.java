/** JMH benchmarks of cxkpi and the demo program; not a library. */
module io.github.cxkpi.benchmarks {
  requires io.github.cxkpi.nps;
  requires io.github.cxkpi.csat;
  requires io.github.cxkpi.ces;
  requires io.github.cxkpi.fcr;
  requires io.github.cxkpi.drivers;
  requires io.github.cxkpi.time;
  requires sketches.java;
  requires io.github.cxkpi.micrometer;
  requires micrometer.registry.prometheus;
  requires java.management;
  requires jmh.core;
  requires HdrHistogram;
  requires java.sql;
  requires duckdb.jdbc;
  requires static org.jspecify;

  exports io.github.cxkpi.benchmarks;
  exports io.github.cxkpi.demo;
}
