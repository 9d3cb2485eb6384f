package io.github.cxkpi.time.internal;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.time.ServiceTimeAggregator;
import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimeResult;
import io.github.cxkpi.time.ServiceTimes;
import java.util.Objects;

/**
 * Registers a service-time measure: the headline is the mean in the measure's unit (hours for
 * cases, seconds for contacts) with its t interval, compared by Welch's t test.
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

  /** The aggregator seen through the SPI; not thread-safe. */
  static final class View implements KpiAggregator {
    private final ServiceTimeKpiProvider provider;
    private final ServiceTimeAggregator delegate;

    View(ServiceTimeKpiProvider provider, ServiceTimeAggregator delegate) {
      this.provider = provider;
      this.delegate = delegate;
    }

    @Override
    public String kpiId() {
      return provider.id;
    }

    @Override
    public boolean accept(Interaction interaction) {
      return delegate.accept(interaction);
    }

    private ServiceTimeAggregator peer(KpiAggregator other) {
      if (other instanceof View v && v.provider.id.equals(provider.id)) {
        return v.delegate;
      }
      throw new IllegalArgumentException("cannot combine a " + provider.id
          + " aggregator with a " + other.kpiId() + " aggregator");
    }

    @Override
    public KpiAggregator merge(KpiAggregator other) {
      delegate.merge(peer(Objects.requireNonNull(other, "other is null")));
      return this;
    }

    @Override
    public KpiSummary summary(double level) {
      ServiceTimeResult r = delegate.result(level);
      double scale = 1 / provider.unitSeconds;
      return new KpiSummary(provider.id, r.n(), r.meanSeconds() * scale,
          r.durations().meanInterval().scaled(scale), level, r.smallSample());
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      return delegate.result(level).compareMeans(peer(baseline).result(level), level)
          .scaled(1 / provider.unitSeconds);
    }

    @Override
    public long count() {
      return delegate.count();
    }

    @Override
    public boolean isEmpty() {
      return delegate.isEmpty();
    }

    @Override
    public KpiAggregator copy() {
      return new View(provider, delegate.copy());
    }

    @Override
    public byte[] toBytes() {
      return delegate.toBytes();
    }
  }
}
