package io.github.cxkpi.csat;

import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.testing.RatingAggregatorContract;

/** The rating contract for CSAT on 0-10, top box, off-scale answers counted as rejected. */
class CsatVariantContractTest extends RatingAggregatorContract<CsatAggregator> {
  @Override
  protected CsatAggregator empty() {
    return Csat.aggregator(Csat.onScale(0, 10).withTopBoxes(1)
        .withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED));
  }

  @Override
  protected CsatAggregator fromBytes(byte[] bytes) {
    return Csat.fromBytes(bytes);
  }
}
