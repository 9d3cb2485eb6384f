package io.github.cxkpi.fcr.internal;

import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;

/** Registers survey FCR (question "fcr", 1 = yes) with the registry. */
public final class SurveyFcrKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SurveyFcrKpiProvider() {}

  @Override
  public String id() {
    return Fcr.SURVEY_ID;
  }

  @Override
  public int frameKind() {
    return Fcr.SURVEY_FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "First-Contact Resolution (survey)";
  }

  @Override
  public KpiAggregator newAggregator() {
    return RatingKpiAggregator.of(Fcr.surveyAggregator());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return RatingKpiAggregator.of(Fcr.surveyFromBytes(bytes));
  }
}
