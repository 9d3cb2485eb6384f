package io.github.cxkpi.fcr;

import io.github.cxkpi.fcr.internal.SurveyFcrCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;

/**
 * Aggregates survey FCR answers (1 = yes, 0 = no) on the rating machinery.
 *
 * <p><b>Not thread-safe</b>; use {@link Fcr#surveyRecorder(SurveyFcrDefinition)} for many
 * writer threads.
 *
 * @since 0.1.0
 */
public final class SurveyFcrAggregator
    extends RatingAggregator<SurveyFcrDefinition, SurveyFcrResult, SurveyFcrAggregator> {

  SurveyFcrAggregator(SurveyFcrDefinition definition) {
    super(definition, SurveyFcrCodec.INSTANCE);
  }

  SurveyFcrAggregator readFrom(FrameReader r) {
    return readState(r);
  }

  /**
   * Records one answer.
   *
   * @param resolved the answer
   * @return this aggregator
   */
  public SurveyFcrAggregator add(boolean resolved) {
    return add(resolved ? 1 : 0);
  }

  @Override
  protected SurveyFcrAggregator newEmpty() {
    return new SurveyFcrAggregator(definition());
  }

  @Override
  public SurveyFcrResult result() {
    return new SurveyFcrResult(definition(), statistics());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For survey FCR: the yes share in percent with its Wilson interval.
   */
  @Override
  public KpiSummary summary(double level) {
    SurveyFcrResult r = result();
    return new KpiSummary(Fcr.SURVEY_ID, r.respondents(), 100 * r.fcr(),
        r.fcrInterval(level).scaled(100), level, r.isSmallSample());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For survey FCR: the difference of the yes shares in percentage points.
   */
  @Override
  public Difference difference(SurveyFcrAggregator baseline, double level) {
    return result().compare(baseline.result(), level).scaled(100);
  }
}
