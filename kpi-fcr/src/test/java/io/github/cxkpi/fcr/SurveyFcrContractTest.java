package io.github.cxkpi.fcr;

import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.testing.RatingAggregatorContract;

/** The rating contract for survey FCR, off-scale answers counted as rejected. */
class SurveyFcrContractTest extends RatingAggregatorContract<SurveyFcrAggregator> {
  @Override
  protected SurveyFcrAggregator empty() {
    return Fcr.surveyAggregator(
        Fcr.survey().withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED));
  }

  @Override
  protected SurveyFcrAggregator fromBytes(byte[] bytes) {
    return Fcr.surveyFromBytes(bytes);
  }
}
