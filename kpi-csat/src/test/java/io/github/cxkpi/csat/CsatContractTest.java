package io.github.cxkpi.csat;

import io.github.cxkpi.testing.RatingAggregatorContract;

/** The rating contract for CSAT on its default 1-5 scale. */
class CsatContractTest extends RatingAggregatorContract<CsatAggregator> {
  @Override
  protected CsatAggregator empty() {
    return Csat.aggregator();
  }

  @Override
  protected CsatAggregator fromBytes(byte[] bytes) {
    return Csat.fromBytes(bytes);
  }
}
