package io.github.cxkpi.time;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.Aggregator;
import io.github.cxkpi.stats.Proportions;
import java.time.Duration;
import java.util.Objects;

/**
 * Counts the abandonment rate over service contacts. A contact is offered when it was queued
 * (it has a {@linkplain ServiceContact#waitTime() wait}) or abandoned; an abandoned contact whose
 * wait is below the short-abandon threshold is a short abandon, left out of the rate (an
 * abandoned contact with no wait cannot be short). Exact counts. Mutable and <b>not
 * thread-safe</b>.
 *
 * @since 0.1.0
 */
public final class AbandonmentAggregator
    implements Aggregator<Interaction, AbandonmentAggregator, AbandonmentResult> {
  private final Duration shortAbandonThreshold;
  private long offered;
  private long abandoned;
  private long shortAbandons;

  AbandonmentAggregator(Duration shortAbandonThreshold) {
    Objects.requireNonNull(shortAbandonThreshold, "shortAbandonThreshold is null");
    DurationHistogram.nanos(shortAbandonThreshold, "shortAbandonThreshold");
    this.shortAbandonThreshold = shortAbandonThreshold;
  }

  /**
   * The short-abandon threshold ({@link Duration#ZERO}: no abandon is short).
   *
   * @return the threshold
   */
  public Duration shortAbandonThreshold() {
    return shortAbandonThreshold;
  }

  @Override
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    if (!(interaction instanceof ServiceContact c) || (c.waitTime() == null && !c.abandoned())) {
      return false;
    }
    Duration wait = c.waitTime();
    if (c.abandoned() && wait != null && wait.compareTo(shortAbandonThreshold) < 0) {
      shortAbandons++;
      return true;
    }
    offered++;
    abandoned += c.abandoned() ? 1 : 0;
    return true;
  }

  @Override
  public AbandonmentAggregator merge(AbandonmentAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (!shortAbandonThreshold.equals(other.shortAbandonThreshold)) {
      throw new IllegalArgumentException("cannot merge an abandonment aggregator with short "
          + "abandons under " + other.shortAbandonThreshold + " into one with "
          + shortAbandonThreshold);
    }
    long o = Math.addExact(offered, other.offered);
    long s = Math.addExact(shortAbandons, other.shortAbandons);
    Math.addExact(o, s);
    abandoned += other.abandoned;
    offered = o;
    shortAbandons = s;
    return this;
  }

  @Override
  public AbandonmentAggregator copy() {
    AbandonmentAggregator c = new AbandonmentAggregator(shortAbandonThreshold);
    c.offered = offered;
    c.abandoned = abandoned;
    c.shortAbandons = shortAbandons;
    return c;
  }

  @Override
  public AbandonmentAggregator reset() {
    offered = 0;
    abandoned = 0;
    shortAbandons = 0;
    return this;
  }

  /** The contacts accepted: offered plus short abandons. */
  @Override
  public long count() {
    return offered + shortAbandons;
  }

  @Override
  public boolean isEmpty() {
    return count() == 0;
  }

  @Override
  public AbandonmentResult result() {
    return result(0.95);
  }

  /**
   * The result at a confidence level.
   *
   * @param level the level
   * @return the result
   */
  public AbandonmentResult result(double level) {
    return new AbandonmentResult(offered, abandoned, shortAbandons, shortAbandonThreshold,
        Proportions.wilson(abandoned, offered, level), level);
  }

  /**
   * The counts in the core codec's frame (kind {@value ServiceTimes#ABANDONMENT_FRAME_KIND}).
   *
   * @return the bytes
   */
  @Override
  public byte[] toBytes() {
    return FrameWriter.begin(ServiceTimes.ABANDONMENT_FRAME_KIND)
        .putVarLong(DurationHistogram.nanos(shortAbandonThreshold, "threshold"))
        .putVarLong(offered).putVarLong(abandoned).putVarLong(shortAbandons).finish();
  }

  static AbandonmentAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, ServiceTimes.ABANDONMENT_FRAME_KIND,
        "abandonment aggregator");
    AbandonmentAggregator a = new AbandonmentAggregator(Duration.ofNanos(
        r.getVarLong("short-abandon threshold")));
    a.offered = r.getVarLong("offered");
    a.abandoned = r.getVarLong("abandoned", 0, a.offered);
    a.shortAbandons = r.getVarLong("short abandons", 0, Long.MAX_VALUE - a.offered);
    r.check(a.shortAbandons == 0 || !a.shortAbandonThreshold.isZero(), "short abandons",
        a.shortAbandons + " short abandons under a threshold of 0");
    r.finish();
    return a;
  }

  @Override
  public String toString() {
    return "AbandonmentAggregator(" + result() + ")";
  }
}
