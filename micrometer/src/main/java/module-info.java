/**
 * cxkpi on Micrometer: the rating KPIs (NPS, CSAT, CES, survey FCR) recorded by many writer
 * threads, per segment, and published as Micrometer meters over a rolling window of intervals.
 *
 * <p>Micrometer ({@code micrometer-core}) is a {@code provided} dependency of this module only:
 * the application brings its own. The module requires it (transitively: the API shows
 * {@code MeterBinder} and {@code MeterRegistry}); the other cxkpi modules do not.
 */
// Micrometer's jar is an automatic module (micrometer.core); the API shows its types
// (MeterBinder, MeterRegistry, Tag), so users of this module read it too.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.cxkpi.micrometer {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;
  requires transitive micrometer.core;
  requires org.slf4j;

  exports io.github.cxkpi.micrometer;
}
