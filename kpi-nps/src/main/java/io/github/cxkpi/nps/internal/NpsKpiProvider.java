package io.github.cxkpi.nps.internal;

import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;

/** Registers NPS with the {@link io.github.cxkpi.spi.KpiRegistry}. */
public final class NpsKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public NpsKpiProvider() {}

  @Override
  public String id() {
    return Nps.ID;
  }

  @Override
  public int frameKind() {
    return Nps.FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Net Promoter Score";
  }

  @Override
  public KpiAggregator newAggregator() {
    return RatingKpiAggregator.of(Nps.aggregator());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return RatingKpiAggregator.of(Nps.fromBytes(bytes));
  }
}
