package io.github.cxkpi.csat.internal;

import io.github.cxkpi.csat.CsatAggregator;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.scale.RatingKpiProvider;

/** CSAT in the KPI registry, from {@link Csat#TYPE}. */
public final class CsatKpiProvider extends RatingKpiProvider<CsatAggregator> {
  /** For {@link java.util.ServiceLoader}. */
  public CsatKpiProvider() {
    super(Csat.TYPE);
  }
}
