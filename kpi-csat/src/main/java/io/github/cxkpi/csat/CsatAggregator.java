package io.github.cxkpi.csat;

import io.github.cxkpi.csat.internal.CsatCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;

/**
 * Aggregates CSAT answers: create it with {@link Csat#aggregator()}, feed it with
 * {@link #add(int)}, {@link #addAll(int...)} or
 * {@link #accept(io.github.cxkpi.event.SurveyResponse)}, read it with {@link #result()}.
 *
 * <p><b>Not thread-safe</b>: one thread at a time. Merge per-thread aggregators, or use
 * {@link Csat#recorder(CsatDefinition)} for many writer threads.
 *
 * @since 0.1.0
 */
public final class CsatAggregator
    extends RatingAggregator<CsatDefinition, CsatResult, CsatAggregator> {

  CsatAggregator(CsatDefinition definition) {
    super(definition, CsatCodec.INSTANCE);
  }

  CsatAggregator readFrom(FrameReader r) {
    return readState(r);
  }

  @Override
  protected CsatAggregator newEmpty() {
    return new CsatAggregator(definition());
  }

  @Override
  public CsatResult result() {
    return new CsatResult(definition(), statistics());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For CSAT: the satisfied share in percent with its Wilson interval.
   */
  @Override
  public KpiSummary summary(double level) {
    CsatResult r = result();
    return new KpiSummary(Csat.ID, r.respondents(), 100 * r.satisfiedShare(),
        r.satisfiedInterval(level).scaled(100), level, r.isSmallSample());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For CSAT: the difference of the satisfied shares in percentage points.
   */
  @Override
  public Difference difference(CsatAggregator baseline, double level) {
    return result().compare(baseline.result(), level).share().scaled(100);
  }
}
