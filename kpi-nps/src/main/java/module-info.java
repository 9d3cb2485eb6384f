/**
 * Net Promoter Score on the cxkpi core: definitions with the variants vendors use, an
 * aggregator, a thread-safe recorder, collectors, results with Wald, adjusted-Wald and score
 * intervals, and two-sample comparisons.
 */
module io.github.cxkpi.nps {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.nps;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.nps.internal.NpsKpiProvider;
}
