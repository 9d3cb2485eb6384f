/**
 * Customer Satisfaction (CSAT) on the cxkpi core: any bounded scale, a top-N or threshold
 * definition of "satisfied", per-question KPIs, shares with Wilson intervals, means with t
 * intervals, and comparisons.
 */
module io.github.cxkpi.csat {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.csat;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.csat.internal.CsatKpiProvider;
}
