package io.github.cxkpi.drivers;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.AggregatorView;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import java.util.ArrayList;
import java.util.List;

/** A {@link DriverAggregator} seen through the SPI; not thread-safe. */
final class DriverKpiAggregator extends AggregatorView<SurveyResponse, DriverAggregator> {
  DriverKpiAggregator(DriverAggregator delegate) {
    super(Drivers.ID, SurveyResponse.class, delegate);
  }

  @Override
  protected KpiAggregator wrap(DriverAggregator aggregator) {
    return new DriverKpiAggregator(aggregator);
  }

  /**
   * R^2 (0 to 1, no interval) over the complete respondents; the details are, per factor, its
   * relative weight in group "importance" and its performance in group "performance" (its
   * mean with the t interval when all factors share one scale, else its normalized mean, 0 to
   * 1), so that a report draws the importance-performance map whose mean lines are the
   * quadrants' split. Without an estimate (see {@link DriverResult#status()}) only the
   * performance.
   */
  @Override
  public KpiSummary summary(double level) {
    DriverResult r = unwrap().result(level);
    List<KpiDetail> details = new ArrayList<>();
    for (FactorDriver f : r.factors()) {
      f.importance().ifPresent(i -> details.add(
          KpiDetail.of("importance", f.id(), i.relativeWeight())));
    }
    boolean oneScale = true;
    for (FactorDriver f : r.factors()) {
      oneScale &= f.question().min() == r.factors().get(0).question().min()
          && f.question().max() == r.factors().get(0).question().max();
    }
    for (FactorDriver f : r.factors()) {
      details.add(oneScale ? new KpiDetail("performance", f.id(), f.mean(), f.meanInterval())
          : KpiDetail.of("performance", f.id(), f.normalizedMean()));
    }
    return new KpiSummary(Drivers.ID, r.respondents(), r.rSquared(), Interval.UNDEFINED, level,
        r.smallSample(), details);
  }

  /** The change of R^2; R^2 has no standard error here, so no test (NaN statistics). */
  @Override
  public Difference difference(KpiAggregator baseline, double level) {
    double d = unwrap().result(level).rSquared() - peer(baseline).result(level).rSquared();
    return new Difference(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Interval.UNDEFINED,
        level);
  }

  @Override
  public void endOfInput() {
    unwrap().endOfInput();
  }
}
