package io.github.cxkpi.drivers.internal;

import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;

/**
 * Registers the key-driver analysis with the registry: the default definition (outcome "nps"
 * 0-10, the eight common factors 1-10, respondents by "response_id" or instant).
 */
public final class DriversKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public DriversKpiProvider() {}

  @Override
  public String id() {
    return Drivers.ID;
  }

  @Override
  public int frameKind() {
    return Drivers.FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Key drivers (R²)";
  }

  @Override
  public KpiAggregator newAggregator() {
    return Drivers.asKpiAggregator(Drivers.aggregator());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return Drivers.asKpiAggregator(Drivers.fromBytes(bytes));
  }
}
