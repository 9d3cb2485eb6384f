/**
 * Key-driver analysis on the cxkpi core: which rated factors of the experience (accessibility,
 * competence, helpfulness ...) drive an outcome (likelihood to recommend, overall satisfaction),
 * by Johnson's relative weights, with an importance-performance map.
 */
module io.github.cxkpi.drivers {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.drivers;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.drivers.internal.DriversKpiProvider;
}
