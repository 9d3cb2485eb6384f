package io.github.cxkpi.ces.internal;

import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;

/** Registers CES (CES 2.0: 1-7, easy 5-7, question "ces") with the registry. */
public final class CesKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public CesKpiProvider() {}

  @Override
  public String id() {
    return Ces.ID;
  }

  @Override
  public int frameKind() {
    return Ces.FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Customer Effort Score";
  }

  @Override
  public KpiAggregator newAggregator() {
    return RatingKpiAggregator.of(Ces.aggregator());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return RatingKpiAggregator.of(Ces.fromBytes(bytes));
  }
}
