package io.github.cxkpi.ces.internal;

import io.github.cxkpi.ces.CesAggregator;
import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.scale.RatingKpiProvider;

/** CES in the KPI registry, from {@link Ces#TYPE}. */
public final class CesKpiProvider extends RatingKpiProvider<CesAggregator> {
  /** For {@link java.util.ServiceLoader}. */
  public CesKpiProvider() {
    super(Ces.TYPE);
  }
}
