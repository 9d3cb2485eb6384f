package io.github.cxkpi.time;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.Aggregator;
import java.time.Duration;
import java.util.Objects;

/**
 * Aggregates one service-time measure (first response, resolution, requester wait, handle
 * time, speed of answer) over interactions: a {@link DurationHistogram} of the measure's durations and, for
 * cases, the exact count of SLA flags. Mutable and <b>not thread-safe</b>: one per thread,
 * then {@link #merge}.
 *
 * @since 0.1.0
 */
public final class ServiceTimeAggregator
    implements Aggregator<Interaction, ServiceTimeAggregator, ServiceTimeResult> {
  private final ServiceTimeDefinition definition;
  private final DurationHistogram histogram;
  private long slaFlagged;
  private long slaMet;

  ServiceTimeAggregator(ServiceTimeDefinition definition) {
    this(definition, DurationHistogram.create(definition.relativeAccuracy(),
        definition.targets()));
  }

  private ServiceTimeAggregator(ServiceTimeDefinition definition, DurationHistogram histogram) {
    this.definition = definition;
    this.histogram = histogram;
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public ServiceTimeDefinition definition() {
    return definition;
  }

  /**
   * Records the interaction's duration when it is one of this measure's.
   *
   * @param interaction the interaction
   * @return whether it was recorded
   * @throws IllegalArgumentException when the duration is too long to record; nothing is
   *     recorded then
   */
  @Override
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    Duration d = definition.measure().durationOf(interaction);
    if (d == null) {
      return false;
    }
    histogram.record(d);
    if (interaction instanceof CaseEvent e && e.withinSla() != null) {
      slaFlagged++;
      slaMet += Boolean.TRUE.equals(e.withinSla()) ? 1 : 0;
    }
    return true;
  }

  /**
   * Records a duration directly (e.g. one computed by the caller).
   *
   * @param duration the duration, not negative
   * @return this aggregator
   */
  public ServiceTimeAggregator record(Duration duration) {
    histogram.record(duration);
    return this;
  }

  @Override
  public ServiceTimeAggregator merge(ServiceTimeAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (!definition.equals(other.definition)) {
      throw new IllegalArgumentException("cannot merge a service-time aggregator of "
          + other.definition + " into one of " + definition);
    }
    long flagged = Math.addExact(slaFlagged, other.slaFlagged);
    long met = slaMet + other.slaMet;
    histogram.merge(other == this ? other.histogram.copy() : other.histogram);
    slaFlagged = flagged;
    slaMet = met;
    return this;
  }

  @Override
  public ServiceTimeAggregator copy() {
    ServiceTimeAggregator c = new ServiceTimeAggregator(definition, histogram.copy());
    c.slaFlagged = slaFlagged;
    c.slaMet = slaMet;
    return c;
  }

  @Override
  public ServiceTimeAggregator reset() {
    histogram.reset();
    slaFlagged = 0;
    slaMet = 0;
    return this;
  }

  @Override
  public long count() {
    return histogram.count();
  }

  @Override
  public boolean isEmpty() {
    return histogram.isEmpty();
  }

  /**
   * A copy of the histogram of the durations.
   *
   * @return the histogram
   */
  public DurationHistogram histogram() {
    return histogram.copy();
  }

  /**
   * The result at the definition's level and quantiles.
   *
   * @return the result
   */
  @Override
  public ServiceTimeResult result() {
    return result(definition.level());
  }

  /**
   * The result at a confidence level.
   *
   * @param level the level
   * @return the result
   */
  public ServiceTimeResult result(double level) {
    return ServiceTimeResult.of(definition.measure(),
        histogram.summary(definition.quantiles(), level), slaFlagged, slaMet,
        definition.smallSampleBelow());
  }

  /**
   * The aggregator in the core codec's frame: the measure's kind (see
   * {@link ServiceTimes#frameKind}), then the measure, the reporting settings, the SLA counts
   * and the histogram's payload.
   *
   * @return the bytes
   */
  @Override
  public byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(ServiceTimes.frameKind(definition.measure()));
    w.putVarLong(definition.measure().ordinal());
    double[] qs = definition.quantileArray();
    w.putVarLong(qs.length);
    for (double q : qs) {
      w.putDouble(q);
    }
    w.putDouble(definition.level()).putVarLong(definition.smallSampleBelow());
    w.putVarLong(slaFlagged).putVarLong(slaMet);
    histogram.writeTo(w);
    return w.finish();
  }

  static ServiceTimeAggregator fromBytes(byte[] bytes, ServiceTimeMeasure expected) {
    String what = expected + " aggregator";
    FrameReader r = FrameReader.open(bytes, ServiceTimes.frameKind(expected), what);
    ServiceTimeMeasure m = r.getEnum("measure", ServiceTimeMeasure.class);
    r.check(ServiceTimes.frameKind(m) == ServiceTimes.frameKind(expected), "measure",
        "a " + m + " aggregator in a frame of kind " + ServiceTimes.frameKind(expected));
    int nq = (int) r.getVarLong("quantile count", 1, 16);
    double[] qs = new double[nq];
    for (int i = 0; i < nq; i++) {
      qs[i] = r.getDouble("quantile");
      r.check(qs[i] >= 0 && qs[i] <= 1, "quantile", "value " + qs[i] + " outside 0..1");
    }
    double level = r.getDouble("level");
    r.check(level > 0 && level < 1, "level", "value " + level + " outside (0, 1)");
    long small = r.getVarLong("small-sample threshold");
    long flagged = r.getVarLong("SLA flagged");
    long met = r.getVarLong("SLA met", 0, flagged);
    DurationHistogram h = DurationHistogram.readFrom(r);
    r.check(flagged <= h.count(), "SLA flagged", flagged + " flags for " + h.count()
        + " durations");
    r.finish();
    ServiceTimeDefinition d = new ServiceTimeDefinition(m, h.relativeAccuracy(), h.targets(),
        qs, level, small);
    ServiceTimeAggregator a = new ServiceTimeAggregator(d, h);
    a.slaFlagged = flagged;
    a.slaMet = met;
    return a;
  }

  @Override
  public String toString() {
    return "ServiceTimeAggregator(" + result() + ")";
  }
}
