package io.github.cxkpi.time.internal;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.time.AbandonmentAggregator;
import io.github.cxkpi.time.AbandonmentResult;
import io.github.cxkpi.time.ServiceTimes;
import java.util.List;
import java.util.Objects;

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
  static final class View implements KpiAggregator {
    private final AbandonmentAggregator delegate;

    View(AbandonmentAggregator delegate) {
      this.delegate = delegate;
    }

    @Override
    public String kpiId() {
      return ServiceTimes.ABANDONMENT_ID;
    }

    @Override
    public boolean accept(Interaction interaction) {
      return delegate.accept(interaction);
    }

    private static AbandonmentAggregator peer(KpiAggregator other) {
      if (other instanceof View v) {
        return v.delegate;
      }
      throw new IllegalArgumentException("cannot combine a " + ServiceTimes.ABANDONMENT_ID
          + " aggregator with a " + other.kpiId() + " aggregator");
    }

    @Override
    public KpiAggregator merge(KpiAggregator other) {
      delegate.merge(peer(Objects.requireNonNull(other, "other is null")));
      return this;
    }

    @Override
    public KpiSummary summary(double level) {
      AbandonmentResult r = delegate.result(level);
      return new KpiSummary(ServiceTimes.ABANDONMENT_ID, r.offered(), 100 * r.rate(),
          r.interval().scaled(100), level, r.offered() < 30, List.of(
              KpiDetail.of("count", "offered", r.offered()),
              KpiDetail.of("count", "abandoned", r.abandoned()),
              KpiDetail.of("count", "short abandons", r.shortAbandons())));
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      return delegate.result(level).compare(peer(baseline).result(level), level).scaled(100);
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
      return new View(delegate.copy());
    }

    @Override
    public byte[] toBytes() {
      return delegate.toBytes();
    }
  }
}
