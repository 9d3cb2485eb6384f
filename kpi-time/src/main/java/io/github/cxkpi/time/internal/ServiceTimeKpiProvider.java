package io.github.cxkpi.time.internal;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.AnswerSink;
import io.github.cxkpi.spi.AggregatorView;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.time.DurationSummary;
import io.github.cxkpi.time.QuantileEstimate;
import io.github.cxkpi.time.ServiceLevel;
import io.github.cxkpi.time.ServiceTimeAggregator;
import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimeResult;
import io.github.cxkpi.time.ServiceTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Registers a service-time measure: the headline is the mean in the measure's unit (hours for
 * cases, seconds for contacts) with its t interval, compared by Welch's t test; the details are
 * the quantiles with their distribution-free intervals, the minimum and maximum (same unit),
 * and the service levels in percent with Wilson intervals.
 */
abstract class ServiceTimeKpiProvider implements KpiProvider {
  private final String id;
  private final ServiceTimeMeasure measure;
  private final String name;
  private final double unitSeconds;

  ServiceTimeKpiProvider(String id, ServiceTimeMeasure measure, String name,
      double unitSeconds) {
    this.id = id;
    this.measure = measure;
    this.name = name;
    this.unitSeconds = unitSeconds;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int frameKind() {
    return ServiceTimes.frameKind(measure);
  }

  @Override
  public String displayName() {
    return name;
  }

  @Override
  public KpiAggregator newAggregator() {
    return new View(this, ServiceTimes.aggregator(ServiceTimes.definition(measure)));
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return new View(this, ServiceTimes.fromBytes(bytes, measure));
  }

  /** A target as people write it: 20s, 24h, 1h30m. */
  static String text(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** The aggregator seen through the SPI; not thread-safe. */
  static final class View extends AggregatorView<Interaction, ServiceTimeAggregator> {
    private final ServiceTimeKpiProvider provider;

    View(ServiceTimeKpiProvider provider, ServiceTimeAggregator delegate) {
      super(provider.id, Interaction.class, delegate);
      this.provider = provider;
    }

    @Override
    protected KpiAggregator wrap(ServiceTimeAggregator aggregator) {
      return new View(provider, aggregator);
    }

    /** It takes contacts and cases, never survey answers: a batch of answers passes it by. */
    @Override
    public AnswerSink answerSink(String question) {
      return AnswerSink.NONE;
    }

    @Override
    public KpiSummary summary(double level) {
      ServiceTimeResult r = unwrap().result(level);
      double scale = 1 / provider.unitSeconds;
      List<KpiDetail> details = new ArrayList<>();
      DurationSummary d = r.durations();
      for (QuantileEstimate q : d.quantiles()) {
        details.add(new KpiDetail("quantile", q.label(), q.seconds() * scale,
            q.interval().isDefined() ? q.interval().scaled(scale) : q.interval()));
      }
      details.add(KpiDetail.of("range", "min", d.min() * scale));
      details.add(KpiDetail.of("range", "max", d.max() * scale));
      for (ServiceLevel s : d.serviceLevels()) {
        details.add(new KpiDetail("service level", "within " + text(s.target()),
            100 * s.share(), s.interval().scaled(100)));
      }
      if (r.slaFlagged() > 0) {
        details.add(new KpiDetail("service level", "SLA met (source flag)", 100 * r.slaShare(),
            r.slaInterval().scaled(100)));
      }
      return new KpiSummary(provider.id, r.n(), r.meanSeconds() * scale,
          d.meanInterval().scaled(scale), level, r.smallSample(), details);
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      return unwrap().result(level).compareMeans(peer(baseline).result(level), level)
          .scaled(1 / provider.unitSeconds);
    }
  }
}
