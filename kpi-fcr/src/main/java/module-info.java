/**
 * First-Contact Resolution on the cxkpi core: survey-based FCR on the rating machinery, and
 * repeat-contact (and case-based) FCR, exact in event time with bounded memory.
 */
module io.github.cxkpi.fcr {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.fcr;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.fcr.internal.SurveyFcrKpiProvider,
      io.github.cxkpi.fcr.internal.RepeatContactFcrKpiProvider;
}
