package io.github.cxkpi.ces;

import io.github.cxkpi.ces.internal.CesCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;

/**
 * Aggregates CES answers: create it with {@link Ces#aggregator()}, feed it with
 * {@link #add(int)}, {@link #addAll(int...)} or
 * {@link #accept(io.github.cxkpi.event.SurveyResponse)}, read it with {@link #result()}.
 *
 * <p><b>Not thread-safe</b>: one thread at a time. Merge per-thread aggregators, or use
 * {@link Ces#recorder(CesDefinition)} for many writer threads.
 *
 * @since 0.1.0
 */
public final class CesAggregator extends RatingAggregator<CesDefinition, CesResult, CesAggregator> {

  CesAggregator(CesDefinition definition) {
    super(definition, CesCodec.INSTANCE);
  }

  CesAggregator readFrom(FrameReader r) {
    return readState(r);
  }

  @Override
  protected CesAggregator newEmpty() {
    return new CesAggregator(definition());
  }

  @Override
  public CesResult result() {
    return new CesResult(definition(), statistics());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For CES: the mean answer with its t interval (read it with the definition's direction).
   */
  @Override
  public KpiSummary summary(double level) {
    CesResult r = result();
    return new KpiSummary(Ces.ID, r.respondents(), r.mean(), r.meanInterval(level), level,
        r.isSmallSample());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For CES: the change of the mean, positive when better (Welch's t test).
   */
  @Override
  public Difference difference(CesAggregator baseline, double level) {
    return result().compare(baseline.result(), level).mean();
  }
}
