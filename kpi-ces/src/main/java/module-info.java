/**
 * Customer Effort Score (CES 2.0 and 1.0) on the cxkpi core: the share of easy answers, net
 * easy, the mean with its t interval, and comparisons in which "better" means the same for
 * both versions.
 */
module io.github.cxkpi.ces {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.ces;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.ces.internal.CesKpiProvider;
}
