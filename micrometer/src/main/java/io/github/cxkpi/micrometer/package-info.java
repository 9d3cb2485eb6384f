/**
 * cxkpi's rating KPIs published to Micrometer: {@link io.github.cxkpi.micrometer.KpiMeters}, a
 * {@code MeterBinder} with thread-safe recorders per segment, a cardinality cap and a rolling
 * window of lossless interval snapshots.
 *
 * <pre>{@code
 * KpiMeters nps = KpiMeters.builder(Nps::aggregator).byChannel().build();
 * nps.bindTo(registry);
 * nps.record(response);                 // any thread
 * // Prometheus: cxkpi_nps_score{channel="web",question="nps",window="PT5M"} 42.0
 * }</pre>
 *
 * <p>The window: every interval the reader takes each segment's interval snapshot (every answer
 * lands in exactly one), keeps the last N in a ring and publishes the merged summary, so the
 * value is exactly what {@code Nps.aggregator().addAll(...)} gives for the answers of the last
 * N closed intervals.
 */
@NullMarked
package io.github.cxkpi.micrometer;

import org.jspecify.annotations.NullMarked;
