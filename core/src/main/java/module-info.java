/**
 * cxkpi core: the interaction event model, the bounded-scale histogram that every rating
 * KPI is built on, the shared statistics, the binary codec and the KPI SPI.
 *
 * <p>KPI modules ({@code io.github.cxkpi.nps}, {@code io.github.cxkpi.csat}, ...) register
 * a {@link io.github.cxkpi.spi.KpiProvider} with {@link java.util.ServiceLoader}; core never
 * names them.
 */
// The qualified export below names a module built after this one: javac cannot see it yet.
@SuppressWarnings("module")
module io.github.cxkpi.core {
  requires static transitive org.jspecify;
  requires org.slf4j;

  exports io.github.cxkpi.event;
  exports io.github.cxkpi.scale;
  exports io.github.cxkpi.stats;
  exports io.github.cxkpi.codec;
  exports io.github.cxkpi.spi;
  exports io.github.cxkpi.scorecard;
  // Shared with the library's own KPI modules: the argument checks (FCR's keys must refuse the
  // same texts) and the writer cells behind the recorders (service times' DurationRecorder).
  exports io.github.cxkpi.internal to io.github.cxkpi.fcr, io.github.cxkpi.time;

  uses io.github.cxkpi.spi.KpiProvider;
}
