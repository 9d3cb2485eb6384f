package io.github.cxkpi.time.internal;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.AnswerSink;
import io.github.cxkpi.spi.AggregatorView;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.time.AbandonmentAggregator;
import io.github.cxkpi.time.AbandonmentResult;
import io.github.cxkpi.time.ServiceTimes;
import java.util.List;

/** Registers the abandonment rate (percent, no short abandons excluded) with the registry. */
public final class AbandonmentKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public AbandonmentKpiProvider() {}

  @Override
  public String id() {
    return ServiceTimes.ABANDONMENT_ID;
  }

  @Override
  public int frameKind() {
    return ServiceTimes.ABANDONMENT_FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Abandonment rate (%)";
  }

  @Override
  public KpiAggregator newAggregator() {
    return new View(ServiceTimes.abandonment());
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return new View(ServiceTimes.abandonmentFromBytes(bytes));
  }

  /** The aggregator seen through the SPI; not thread-safe. */
  static final class View extends AggregatorView<Interaction, AbandonmentAggregator> {
    View(AbandonmentAggregator delegate) {
      super(ServiceTimes.ABANDONMENT_ID, Interaction.class, delegate);
    }

    /** It takes contacts, never survey answers: a batch of answers passes it by. */
    @Override
    public AnswerSink answerSink(String question) {
      return AnswerSink.NONE;
    }

    @Override
    protected KpiAggregator wrap(AbandonmentAggregator aggregator) {
      return new View(aggregator);
    }

    @Override
    public KpiSummary summary(double level) {
      AbandonmentResult r = unwrap().result(level);
      return new KpiSummary(ServiceTimes.ABANDONMENT_ID, r.offered(), 100 * r.rate(),
          r.interval().scaled(100), level, r.offered() < 30, List.of(
              KpiDetail.of("count", "offered", r.offered()),
              KpiDetail.of("count", "abandoned", r.abandoned()),
              KpiDetail.of("count", "short abandons", r.shortAbandons())));
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      return unwrap().result(level).compare(peer(baseline).result(level), level).scaled(100);
    }
  }
}
