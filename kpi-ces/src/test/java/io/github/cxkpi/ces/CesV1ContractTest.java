package io.github.cxkpi.ces;

import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.testing.RatingAggregatorContract;

/** The rating contract for CES 1.0, off-scale answers counted as rejected. */
class CesV1ContractTest extends RatingAggregatorContract<CesAggregator> {
  @Override
  protected CesAggregator empty() {
    return Ces.aggregator(Ces.v1().withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED));
  }

  @Override
  protected CesAggregator fromBytes(byte[] bytes) {
    return Ces.fromBytes(bytes);
  }
}
