package io.github.cxkpi.nps.internal;

import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingKpiProvider;

/** NPS in the KPI registry, from {@link Nps#TYPE}. */
public final class NpsKpiProvider extends RatingKpiProvider<NpsAggregator> {
  /** For {@link java.util.ServiceLoader}. */
  public NpsKpiProvider() {
    super(Nps.TYPE);
  }
}
