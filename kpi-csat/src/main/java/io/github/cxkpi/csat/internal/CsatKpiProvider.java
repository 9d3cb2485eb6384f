package io.github.cxkpi.csat.internal;

import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;

/** Registers CSAT (1-5, satisfied 4-5, question "csat") with the registry. */
public final class CsatKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public CsatKpiProvider() {}

  @Override
  public String id() {
    return Csat.ID;
  }

  @Override
  public int frameKind() {
    return Csat.FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Customer Satisfaction";
  }

  @Override
  public KpiAggregator newAggregator() {
    return RatingKpiAggregator.of(Csat.aggregator());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return RatingKpiAggregator.of(Csat.fromBytes(bytes));
  }
}
