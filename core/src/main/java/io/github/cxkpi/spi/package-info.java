/**
 * The KPI service-provider interface and the registry that finds KPI modules.
 *
 * <p>A KPI module implements {@link io.github.cxkpi.spi.KpiProvider} and registers it with
 * {@link java.util.ServiceLoader}: {@code provides io.github.cxkpi.spi.KpiProvider with ...}
 * in its {@code module-info.java}, and a {@code META-INF/services} file for the class path.
 * Generic code (a scorecard, a stream-engine adapter) then works with any KPI by its id:
 *
 * <pre>{@code
 * KpiRegistry registry = KpiRegistry.load();
 * KpiAggregator nps = registry.get("nps").newAggregator();
 * responses.forEach(nps::accept);
 * KpiSummary s = nps.summary(0.95);
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.spi;

import org.jspecify.annotations.NullMarked;
