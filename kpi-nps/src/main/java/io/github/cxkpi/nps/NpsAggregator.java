package io.github.cxkpi.nps;

import io.github.cxkpi.nps.internal.NpsCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.scale.ScaleHistogram;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;

/**
 * Aggregates NPS answers: create it with {@link Nps#aggregator()}, feed it with
 * {@link #add(int)}, {@link #addAll(int...)} or {@link #accept(io.github.cxkpi.event.SurveyResponse)},
 * read it with {@link #result()}.
 *
 * <p><b>Not thread-safe</b>: one thread at a time. Merge per-thread aggregators, or use
 * {@link Nps#recorder()} for many writer threads.
 *
 * @since 0.1.0
 */
public final class NpsAggregator extends RatingAggregator<NpsDefinition, NpsResult, NpsAggregator> {

  NpsAggregator(NpsDefinition definition) {
    super(definition, NpsCodec.INSTANCE);
  }

  NpsAggregator readFrom(FrameReader r) {
    return readState(r);
  }

  @Override
  protected NpsAggregator newEmpty() {
    return new NpsAggregator(definition());
  }

  @Override
  public NpsResult result() {
    NpsDefinition def = definition();
    ScaleHistogram h = liveHistogram();
    long[] n = new long[3];
    double[] w = new double[3];
    double squares = 0;
    // By offset, not by score: a scale may end at Integer.MAX_VALUE.
    for (long offset = 0; offset <= (long) def.scaleMax() - def.scaleMin(); offset++) {
      int s = (int) (def.scaleMin() + offset);
      int k = s >= def.promoterMin() ? 2 : s >= def.passiveMin() ? 1 : 0;
      n[k] += h.count(s);
      w[k] += h.weight(s);
      squares += h.weightSquares(s);
    }
    if (def.blankPolicy() == BlankPolicy.COUNT_IN_DENOMINATOR) {
      squares += blankWeightSquares();
    }
    return new NpsResult(def, n[0] + n[1] + n[2], blankCount(), rejectedCount(), n[2], n[1], n[0],
        w[2], w[1], w[0], blankWeight(), squares, isWeighted(), statistics());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For NPS: the score on -100..100 with its adjusted-Wald interval in points.
   */
  @Override
  public KpiSummary summary(double level) {
    NpsResult r = result();
    return new KpiSummary(Nps.ID, r.n(), r.score(), r.interval(level).scaled(100), level,
        r.isSmallSample());
  }

  /**
   * {@inheritDoc}
   *
   * <p>For NPS: the difference in points (-200..200), with its z test.
   */
  @Override
  public Difference difference(NpsAggregator baseline, double level) {
    return result().compare(baseline.result(), level).scaled(100);
  }
}
