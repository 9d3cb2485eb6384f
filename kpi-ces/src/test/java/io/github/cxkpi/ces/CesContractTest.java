package io.github.cxkpi.ces;

import io.github.cxkpi.testing.RatingAggregatorContract;

/** The rating contract for CES 2.0. */
class CesContractTest extends RatingAggregatorContract<CesAggregator> {
  @Override
  protected CesAggregator empty() {
    return Ces.aggregator();
  }

  @Override
  protected CesAggregator fromBytes(byte[] bytes) {
    return Ces.fromBytes(bytes);
  }
}
