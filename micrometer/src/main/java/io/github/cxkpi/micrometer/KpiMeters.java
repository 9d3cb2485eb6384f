package io.github.cxkpi.micrometer;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.micrometer.internal.Engine;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A rating KPI (NPS, CSAT, CES, survey FCR) recorded by many threads and published to
 * Micrometer per segment over a rolling window: a {@link MeterBinder} with its own thread-safe
 * recorders.
 *
 * <pre>{@code
 * KpiMeters nps = KpiMeters.builder(Nps::aggregator)
 *     .byChannel()                                   // tag "channel"
 *     .window(Duration.ofMinutes(1), 5)              // window="PT5M"
 *     .build();                                      // ticks once a minute on its own thread
 * nps.bindTo(registry);
 * nps.record(response);                              // any thread, segment from the segmenter
 * SegmentRecorder web = nps.segment("web");          // or keep a segment's recorder
 * web.record(9);
 * }</pre>
 *
 * <p><b>Writers</b> ({@link #record(SurveyResponse)}, {@link SegmentRecorder}) may be any
 * number of threads; each segment has its own {@link io.github.cxkpi.scale.RatingRecorder}, so
 * recording costs what the bare recorder costs. <b>One reader</b>, the binder's scheduler thread
 * or the caller of {@link #tick()}, closes an interval every {@code interval}: it takes each
 * segment's lossless interval snapshot, keeps the last {@code intervals} of them in a ring, merges
 * them and publishes the window's {@link KpiSummary} as an immutable value. Gauges read only
 * that value, never a live aggregator: a scrape never races a writer, and every answer lands in
 * exactly one interval. What a scrape sees is at most one interval old.
 *
 * <p><b>Cardinality</b> is capped ({@link Builder#maxSegments}): a new segment beyond the cap
 * gets no series of its own; its answers are folded into the segment whose tag values are all
 * {@code other} (nothing is lost from the KPI's totals), the refused segment is counted in
 * {@code cxkpi.segments.dropped} and its answers in {@code cxkpi.segments.folded}. Segments are
 * never removed while the binder lives.
 *
 * <p><b>Meters</b>, for a KPI with id {@code <kpi>} (from its definition: {@code nps},
 * {@code csat}, {@code ces}, {@code fcr}), per segment, tagged {@code question}, the segment's
 * tags, {@code window} (ISO-8601, e.g. {@code PT5M}) and the common tags:
 * <ul>
 *   <li>{@code cxkpi.<kpi>.score} (gauge): the KPI's value over the window, in the KPI's
 *       summary unit (NPS in points -100..100, CSAT and FCR in percent, CES the mean answer);
 *       {@code NaN} while the window is empty;</li>
 *   <li>{@code cxkpi.<kpi>.score.lower}, {@code cxkpi.<kpi>.score.upper} (gauges, also tagged
 *       {@code level}, e.g. {@code 0.95}): the confidence interval;</li>
 *   <li>{@code cxkpi.<kpi>.responses} (gauge): n, the responses the window counts;</li>
 *   <li>{@code cxkpi.<kpi>.small.sample} (gauge): 1 when n is below the KPI's reporting
 *       threshold, else 0;</li>
 *   <li>{@code cxkpi.<kpi>.answers} (counter, no {@code window} tag): answers on the scale
 *       taken in since the start, for rates;</li>
 * </ul>
 * and once per binder, tagged {@code kpi} and {@code question}: {@code cxkpi.segments.dropped}
 * and {@code cxkpi.segments.folded} (counters), {@code cxkpi.segments} (gauge).
 *
 * <p>Repeat-contact FCR is out of scope: it decides an episode in event time, when a later
 * contact arrives or a window closes, and has no thread-safe recorder; publish it from the job
 * that computes it (e.g. the Flink adapter).
 *
 * @since 0.1.0
 */
public final class KpiMeters implements MeterBinder, AutoCloseable {
  private final Engine<?> engine;
  private final List<String> tagKeys;

  private KpiMeters(Engine<?> engine, List<String> tagKeys) {
    this.engine = engine;
    this.tagKeys = tagKeys;
  }

  /**
   * A builder for a rating KPI whose aggregators a factory makes, e.g.
   * {@code KpiMeters.builder(Nps::aggregator)} or
   * {@code KpiMeters.builder(() -> Csat.aggregator(myDefinition))}.
   *
   * @param <A> the KPI's aggregator
   * @param emptyAggregator makes an empty aggregator of the KPI's definition
   * @return the builder
   */
  public static <A extends RatingAggregator<?, ?, A>> Builder builder(
      Supplier<A> emptyAggregator) {
    Objects.requireNonNull(emptyAggregator, "emptyAggregator is null");
    return new Builder(config -> new Engine<>(emptyAggregator, config));
  }

  /**
   * A builder for a rating KPI of the registry, with its default definition.
   *
   * @param provider the KPI's provider
   * @return the builder
   * @throws IllegalArgumentException when the KPI is not a rating KPI (repeat-contact FCR)
   */
  public static Builder builder(KpiProvider provider) {
    Objects.requireNonNull(provider, "provider is null");
    KpiAggregator probe = provider.newAggregator();
    if (!(probe instanceof RatingKpiAggregator<?> rating)) {
      throw new IllegalArgumentException("KPI '" + provider.id()
          + "' is not a rating KPI: only NPS, CSAT, CES and survey FCR have a thread-safe"
          + " recorder to publish");
    }
    return fromPrototype(rating);
  }

  /**
   * A builder for a rating KPI found by id in {@link KpiRegistry#load()}, e.g. {@code "csat"}.
   *
   * @param kpiId the KPI's id
   * @return the builder
   * @throws IllegalArgumentException when no such KPI is registered or it is not a rating KPI
   */
  public static Builder builder(String kpiId) {
    Objects.requireNonNull(kpiId, "kpiId is null");
    return builder(KpiRegistry.load().get(kpiId));
  }

  private static <A extends RatingAggregator<?, ?, A>> Builder fromPrototype(
      RatingKpiAggregator<A> prototype) {
    A empty = prototype.unwrap().copy().reset();
    return builder(empty::copy);
  }

  /**
   * The KPI's id (from its definition), the middle of its meters' names.
   *
   * @return the id
   */
  public String kpiId() {
    return engine.kpiId();
  }

  /**
   * The question whose answers this binder records (the {@code question} tag).
   *
   * @return the question's id
   */
  public String question() {
    return engine.question();
  }

  /**
   * The segment tag keys, in order.
   *
   * @return the keys (empty when the binder does not segment)
   */
  public List<String> tagKeys() {
    return tagKeys;
  }

  /**
   * The window's length as an ISO-8601 duration: the {@code window} tag's value.
   *
   * @return e.g. {@code PT5M}
   */
  public String window() {
    return engine.window();
  }

  /**
   * Records a survey response in the segment the builder's segmenter gives it, if it answers
   * the KPI's question. Thread-safe.
   *
   * @param response the response
   * @return whether it was for the KPI's question (and so recorded)
   * @throws IllegalStateException when the binder was built with explicit tags only
   *     ({@link Builder#taggedBy}): use {@link #segment(String...)}
   * @throws IllegalArgumentException when the segmenter gives a segment with another number of
   *     values than there are tag keys
   */
  public boolean record(SurveyResponse response) {
    return engine.record(response);
  }

  /**
   * The recorder of the segment with these tag values (one per tag key; none for a binder that
   * does not segment). Thread-safe; keep the result to record without a lookup. When the cap
   * refuses the segment, the recorder folds into {@code other} ({@link SegmentRecorder#isFolded}).
   *
   * @param tagValues the values, in the order of {@link #tagKeys()}
   * @return the segment's recorder
   * @throws IllegalArgumentException when the number of values is not the number of keys
   */
  public SegmentRecorder segment(String... tagValues) {
    return engine.segment(List.of(tagValues));
  }

  /**
   * The recorder of a segment given as a {@link SegmentKey} (its names are the tag values).
   *
   * @param segment the segment
   * @return the segment's recorder
   */
  public SegmentRecorder segment(SegmentKey segment) {
    return engine.segment(segment);
  }

  /**
   * Closes the current interval now: what the scheduler does every interval. Call it yourself
   * when the binder was built with {@link Builder#manualTicks()} (tests, or an application that
   * has its own scheduler). Serialized with other ticks.
   */
  public void tick() {
    engine.tick();
  }

  /**
   * The summaries that the last tick published, per segment, in segment order: what the gauges
   * show. Empty before the first tick.
   *
   * @return an immutable map from segment to the window's summary
   */
  public Map<SegmentKey, KpiSummary> snapshot() {
    return engine.snapshot();
  }

  /**
   * How many distinct segments the cap refused so far (what {@code cxkpi.segments.dropped}
   * shows). Exact while at most {@code max(1024, 16 * maxSegments)} distinct segments have been
   * refused; beyond that, each answer of a segment not remembered counts again.
   *
   * @return the count
   */
  public long droppedSegments() {
    return engine.droppedSegments();
  }

  /**
   * How many answers went to {@code other} because the cap refused their segment.
   *
   * @return the count
   */
  public long foldedAnswers() {
    return engine.foldedAnswers();
  }

  /**
   * Registers the meters in a registry (more than one registry may be bound). Segments that
   * appear later get their meters on the tick that first publishes them.
   *
   * @param registry the registry
   * @throws IllegalStateException when the binder is closed
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    engine.bindTo(registry);
  }

  /**
   * Stops the ticks (shutting down the binder's own scheduler thread, not one given to
   * {@link Builder#scheduler}) and removes the binder's meters from the registries. Answers
   * recorded after the last tick are not published. Idempotent.
   */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "KpiMeters[" + kpiId() + ", question " + question() + ", tags " + tagKeys
        + ", window " + window() + "]";
  }

  /**
   * Settings of a {@link KpiMeters}. Defaults: no segments, a window of 5 intervals of one
   * minute, a 95% interval, at most 100 segments, ticks on the binder's own daemon thread.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private static final Set<String> RESERVED = Set.of("window", "level", "question", "kpi");

    private final Function<Engine.Config, Engine<?>> engine;
    private @Nullable Segmenter segmenter = Segmenter.none();
    private List<String> tagKeys = List.of();
    private Duration interval = Duration.ofMinutes(1);
    private int intervals = 5;
    private double level = 0.95;
    private int maxSegments = 100;
    private Tags commonTags = Tags.empty();
    private boolean manual;
    private @Nullable ScheduledExecutorService scheduler;

    private Builder(Function<Engine.Config, Engine<?>> engine) {
      this.engine = engine;
    }

    /**
     * Segments by a {@link Segmenter}: each of its segment's values becomes a tag, keyed in
     * order by the given keys (e.g. {@code segmentedBy(Segmenter.channel().and(
     * Segmenter.journeyStage()), "channel", "stage")}).
     *
     * @param segmenter the segmenter
     * @param tagKeys one tag key per value of the segmenter's segments
     * @return this builder
     */
    public Builder segmentedBy(Segmenter segmenter, String... tagKeys) {
      Objects.requireNonNull(segmenter, "segmenter is null");
      if (tagKeys.length == 0) {
        throw new IllegalArgumentException("a segmenter needs at least one tag key");
      }
      this.tagKeys = checkKeys(tagKeys);
      this.segmenter = segmenter;
      return this;
    }

    /**
     * Segments by channel, tag {@code channel} (values as the channel's name, e.g. {@code web}).
     *
     * @return this builder
     */
    public Builder byChannel() {
      return segmentedBy(Segmenter.channel(), "channel");
    }

    /**
     * Segments by journey stage, tag {@code stage} (e.g. {@code post-purchase}).
     *
     * @return this builder
     */
    public Builder byStage() {
      return segmentedBy(Segmenter.journeyStage(), "stage");
    }

    /**
     * Segments by tags the caller gives with each segment ({@link KpiMeters#segment}); no
     * segmenter, so {@link KpiMeters#record(SurveyResponse)} is refused.
     *
     * @param tagKeys the tag keys, at least one
     * @return this builder
     */
    public Builder taggedBy(String... tagKeys) {
      if (tagKeys.length == 0) {
        throw new IllegalArgumentException("give at least one tag key");
      }
      this.tagKeys = checkKeys(tagKeys);
      this.segmenter = null;
      return this;
    }

    private static List<String> checkKeys(String... keys) {
      List<String> list = new ArrayList<>(keys.length);
      Set<String> seen = new HashSet<>();
      for (String k : keys) {
        Objects.requireNonNull(k, "a tag key is null");
        if (k.isBlank()) {
          throw new IllegalArgumentException("a tag key is blank");
        }
        if (RESERVED.contains(k.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("tag key '" + k + "' is the binder's own: "
              + RESERVED);
        }
        if (!seen.add(k)) {
          throw new IllegalArgumentException("tag key '" + k + "' given twice");
        }
        list.add(k);
      }
      return List.copyOf(list);
    }

    /**
     * The rolling window: {@code intervals} intervals of {@code interval}; the reader closes an
     * interval every {@code interval} and the meters cover the last {@code intervals} closed
     * ones.
     *
     * @param interval an interval's length, at least one millisecond
     * @param intervals how many intervals the window holds, 1 to 1,440
     * @return this builder
     */
    public Builder window(Duration interval, int intervals) {
      Objects.requireNonNull(interval, "interval is null");
      if (interval.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
      }
      if (intervals < 1 || intervals > 1440) {
        throw new IllegalArgumentException("intervals must be in 1..1440, was " + intervals);
      }
      this.interval = interval;
      this.intervals = intervals;
      return this;
    }

    /**
     * The confidence level of the published interval.
     *
     * @param level in (0, 1), e.g. 0.95
     * @return this builder
     */
    public Builder level(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1), was " + level);
      }
      this.level = level;
      return this;
    }

    /**
     * The cap on segments with a series of their own (the {@code other} segment is not
     * counted). A new segment beyond it is folded into {@code other}.
     *
     * @param maxSegments at least 1
     * @return this builder
     */
    public Builder maxSegments(int maxSegments) {
      if (maxSegments < 1) {
        throw new IllegalArgumentException("maxSegments must be >= 1, was " + maxSegments);
      }
      this.maxSegments = maxSegments;
      return this;
    }

    /**
     * Tags added to every meter, e.g. to tell two binders of the same KPI and question apart.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Iterable<Tag> tags) {
      Tags t = Tags.of(tags);
      for (Tag tag : t) {
        if (RESERVED.contains(tag.getKey()) || tagKeys.contains(tag.getKey())) {
          throw new IllegalArgumentException("common tag '" + tag.getKey()
              + "' clashes with a tag of the binder's own");
        }
      }
      this.commonTags = t;
      return this;
    }

    /**
     * Tags added to every meter, as key-value pairs.
     *
     * @param keyValues keys and values, alternating
     * @return this builder
     */
    public Builder tags(String... keyValues) {
      return tags(Tags.of(keyValues));
    }

    /**
     * No scheduler: intervals close only when the caller calls {@link KpiMeters#tick()}.
     *
     * @return this builder
     */
    public Builder manualTicks() {
      this.manual = true;
      this.scheduler = null;
      return this;
    }

    /**
     * Ticks on the caller's scheduler instead of a thread of the binder's own; closing the
     * binder cancels its task but does not shut the scheduler down.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
      this.manual = false;
      return this;
    }

    /**
     * Builds the binder and starts its ticks (unless {@link #manualTicks()}).
     *
     * @return the binder
     */
    public KpiMeters build() {
      for (Tag tag : commonTags) {
        if (tagKeys.contains(tag.getKey())) {
          throw new IllegalArgumentException("common tag '" + tag.getKey()
              + "' clashes with a segment tag key");
        }
      }
      Engine<?> e = engine.apply(new Engine.Config(interval, intervals, level, maxSegments,
          tagKeys, segmenter, commonTags, scheduler, manual));
      e.start();
      return new KpiMeters(e, tagKeys);
    }
  }
}
