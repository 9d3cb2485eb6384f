package io.github.cxkpi.fcr.internal;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactResult;
import io.github.cxkpi.spi.AnswerSink;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.fcr.RepeatContactDefinition;
import io.github.cxkpi.spi.KpiOptions;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.spi.KpiType;
import io.github.cxkpi.stats.Difference;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Registers repeat-contact FCR (per customer, 7 days) with the registry. */
public final class RepeatContactFcrKpiProvider implements KpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public RepeatContactFcrKpiProvider() {}

  @Override
  public String id() {
    return Fcr.REPEAT_TYPE.id();
  }

  @Override
  public int frameKind() {
    return Fcr.REPEAT_TYPE.frameKind();
  }

  @Override
  public String displayName() {
    return Fcr.REPEAT_TYPE.displayName();
  }

  @Override
  public Optional<KpiType<?, ?>> type() {
    return Optional.of(Fcr.REPEAT_TYPE);
  }

  @Override
  public KpiAggregator newAggregator() {
    return new View(Fcr.repeatContactAggregator());
  }

  /**
   * With {@link KpiOptions#wholeInput()} the watermark is not derived from the contacts, so no
   * contact is late whatever the order and every episode is decided at the end of the input;
   * with an allowed lateness, that lateness (at most {@link RepeatContactDefinition#MAX_DURATION};
   * longer ones behave as the whole input). With {@link KpiOptions#byWindow()} the aggregator
   * {@linkplain RepeatContactAggregator#trackingDecisions() tracks} its decided outcomes, so
   * that a report by window attributes each episode to the window of its first contact.
   */
  @Override
  public KpiAggregator newAggregator(KpiOptions options) {
    RepeatContactDefinition d = Fcr.repeatContact();
    if (options.isWholeInput()) {
      d = d.withDerivedWatermark(false);
    } else if (options.lateness().isPresent()) {
      Duration lateness = options.lateness().get();
      d = lateness.compareTo(RepeatContactDefinition.MAX_DURATION) > 0
          ? d.withDerivedWatermark(false) : d.withAllowedLateness(lateness);
    }
    RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
    return new View(options.isByWindow() ? a.trackingDecisions() : a);
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    return new View(Fcr.repeatContactFromBytes(bytes));
  }

  /** The aggregator seen through the SPI; not thread-safe. */
  static final class View implements KpiAggregator {
    private final RepeatContactAggregator delegate;

    View(RepeatContactAggregator delegate) {
      this.delegate = delegate;
    }

    @Override
    public String kpiId() {
      return Fcr.REPEAT_ID;
    }

    /** It takes service contacts, never survey answers: a batch of answers passes it by. */
    @Override
    public AnswerSink answerSink(String question) {
      return AnswerSink.NONE;
    }

    @Override
    public boolean accept(Interaction interaction) {
      Objects.requireNonNull(interaction, "interaction is null");
      return interaction instanceof ServiceContact c && delegate.accept(c);
    }

    private static RepeatContactAggregator peer(KpiAggregator other) {
      if (other instanceof View v) {
        return v.delegate;
      }
      throw new IllegalArgumentException("cannot combine a " + Fcr.REPEAT_ID + " aggregator with a "
          + other.kpiId() + " aggregator");
    }

    @Override
    public KpiAggregator merge(KpiAggregator other) {
      delegate.merge(peer(Objects.requireNonNull(other, "other is null")));
      return this;
    }

    /** The FCR share of the decided episodes, in percent, with its Wilson interval. */
    @Override
    public KpiSummary summary(double level) {
      RepeatContactResult r = delegate.result();
      return new KpiSummary(Fcr.REPEAT_ID, r.episodesDecided(), 100 * r.fcr(),
          r.fcrInterval(level).scaled(100), level, r.isSmallSample());
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      return delegate.result().compare(peer(baseline).result(), level).scaled(100);
    }

    @Override
    public boolean spansWindows() {
      return delegate.isTrackingDecisions();
    }

    @Override
    public void drainDecided(Function<Instant, KpiAggregator> into) {
      Objects.requireNonNull(into, "into is null");
      delegate.drainDecided(t -> peer(into.apply(t)));
    }

    @Override
    public void endOfInput() {
      delegate.endOfInput();
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
