package io.github.cxkpi.fcr.internal;

import io.github.cxkpi.fcr.SurveyFcrAggregator;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.scale.RatingKpiProvider;

/** survey FCR in the KPI registry, from {@link Fcr#SURVEY_TYPE}. */
public final class SurveyFcrKpiProvider extends RatingKpiProvider<SurveyFcrAggregator> {
  /** For {@link java.util.ServiceLoader}. */
  public SurveyFcrKpiProvider() {
    super(Fcr.SURVEY_TYPE);
  }
}
