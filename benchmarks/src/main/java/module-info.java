/** JMH benchmarks of cxkpi and the demo program; not a library. */
module io.github.cxkpi.benchmarks {
  requires io.github.cxkpi.nps;
  requires jmh.core;
  requires static org.jspecify;

  exports io.github.cxkpi.benchmarks;
  exports io.github.cxkpi.demo;
}
