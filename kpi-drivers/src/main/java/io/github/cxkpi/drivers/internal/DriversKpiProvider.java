package io.github.cxkpi.drivers.internal;

import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.drivers.DuplicatePolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiType;
import java.util.Optional;

/**
 * Registers the key-driver analysis with the registry: the default definition (outcome "nps"
 * 0-10, the eight common factors 1-10, respondents by "response_id" or instant), with answers
 * off their scale and duplicate answers counted as rejected rather than thrown, so that the
 * drivers never make a scorecard refuse an interaction that the other KPIs took.
 */
public final class DriversKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public DriversKpiProvider() {}

  @Override
  public String id() {
    return Drivers.TYPE.id();
  }

  @Override
  public int frameKind() {
    return Drivers.TYPE.frameKind();
  }

  @Override
  public String displayName() {
    return Drivers.TYPE.displayName();
  }

  @Override
  public Optional<KpiType<?, ?>> type() {
    return Optional.of(Drivers.TYPE);
  }

  @Override
  public KpiAggregator newAggregator() {
    return Drivers.asKpiAggregator(Drivers.aggregator(Drivers.definition()
        .withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED)
        .withDuplicatePolicy(DuplicatePolicy.COUNT_AS_REJECTED)));
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return Drivers.asKpiAggregator(Drivers.fromBytes(bytes));
  }
}
