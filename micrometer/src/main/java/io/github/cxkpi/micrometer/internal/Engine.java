package io.github.cxkpi.micrometer.internal;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.micrometer.SegmentRecorder;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.spi.KpiSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binder's state: one {@link RatingRecorder} per segment for the writers, and for the one
 * reader (the scheduler's thread, or whoever calls {@link #tick()}) a ring of the last N
 * interval snapshots per segment, their merged summary, and the meters. Gauges read only the
 * immutable summary the reader last published.
 *
 * @param <A> the KPI's aggregator
 */
public final class Engine<A extends RatingAggregator<?, ?, A>> {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** The tag value of every field of the segment that answers beyond the cap go to. */
  public static final String OTHER = "other";

  /** The settings, checked by the public builder. */
  public record Config(
      Duration interval,
      int intervals,
      double level,
      int maxSegments,
      List<String> tagKeys,
      @Nullable Segmenter segmenter,
      Tags commonTags,
      @Nullable ScheduledExecutorService scheduler,
      boolean manualTicks) {}

  /** One segment: its recorder, handle, ring and published summary. */
  private static final class Segment<A extends RatingAggregator<?, ?, A>> {
    final SegmentKey key;
    final Tags tags;
    final RatingRecorder<A> recorder;
    final Handle handle;
    final List<A> ring;
    final A merged;
    int next;
    // Written by the reader only (under the engine's lock), read by the scrape threads.
    volatile KpiSummary current;
    volatile long answers;
    boolean published; // guarded by the engine's lock

    Segment(SegmentKey key, Tags tags, Supplier<A> factory, int intervals, KpiSummary empty,
        List<String> tagValues) {
      this.key = key;
      this.tags = tags;
      this.recorder = RatingRecorder.of(factory);
      this.handle = new Handle(recorder, tagValues, null);
      this.ring = new ArrayList<>(intervals);
      for (int i = 0; i < intervals; i++) {
        ring.add(factory.get());
      }
      this.merged = factory.get();
      this.current = empty;
    }

    /** Closes the interval: the oldest slot takes the new snapshot; the window is merged. */
    KpiSummary roll(double level) {
      A oldest = ring.get(next);
      A snapshot = recorder.intervalSnapshot(oldest);
      ring.set(next, snapshot);
      next = (next + 1) % ring.size();
      merged.reset();
      for (A a : ring) {
        merged.merge(a);
      }
      KpiSummary s = merged.summary(level);
      current = s;
      answers = answers + snapshot.count();
      return s;
    }
  }

  private record Bound(MeterRegistry registry, Meter meter) {}

  private final Supplier<A> factory;
  private final String kpiId;
  private final String question;
  private final String prefix;
  private final Config config;
  private final String window;
  private final String levelTag;
  private final KpiSummary empty;
  private final String name;
  private final SegmentKey otherKey;
  private final ConcurrentHashMap<SegmentKey, Segment<A>> segments = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();
  private final ConcurrentHashMap<SegmentKey, Boolean> refused = new ConcurrentHashMap<>();
  private final int refusedMemory;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder folded = new LongAdder();
  private volatile @Nullable Handle foldedHandle;

  // The reader's state: ticks, binding and closing are serialized on this lock.
  private final Object lock = new Object();
  private final List<MeterRegistry> registries = new ArrayList<>();
  private final List<Bound> meters = new ArrayList<>();
  private volatile Map<SegmentKey, KpiSummary> published = Map.of();
  private @Nullable ScheduledFuture<?> task;
  private @Nullable ScheduledExecutorService ownScheduler;
  private boolean closed;

  /**
   * Creates the engine; {@link #start()} starts its scheduler, if it has one.
   *
   * @param emptyAggregator makes an empty aggregator of the KPI's definition
   * @param config the settings
   */
  public Engine(Supplier<A> emptyAggregator, Config config) {
    this.factory = emptyAggregator;
    this.config = config;
    A probe = emptyAggregator.get();
    this.kpiId = probe.definition().kpiId();
    this.question = probe.definition().question();
    this.prefix = "cxkpi." + kpiId;
    this.window = config.interval().multipliedBy(config.intervals()).toString();
    this.levelTag = Double.toString(config.level());
    this.empty = probe.summary(config.level());
    this.name = kpiId.toUpperCase(Locale.ROOT);
    List<String> others = Collections.nCopies(Math.max(1, config.tagKeys().size()), OTHER);
    this.otherKey = new SegmentKey(others, Collections.nCopies(others.size(), 0));
    this.refusedMemory = Math.max(1024, 16 * config.maxSegments());
  }

  /**
   * Starts the periodic ticks: on the configured scheduler, or on a daemon thread of the
   * engine's own (named {@code cxkpi-micrometer-<kpi>}); none with manual ticks.
   */
  public void start() {
    if (config.manualTicks()) {
      return;
    }
    long nanos = config.interval().toNanos();
    synchronized (lock) {
      ScheduledExecutorService s = config.scheduler();
      if (s == null) {
        String name = "cxkpi-micrometer-" + kpiId;
        s = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
        ownScheduler = s;
      }
      task = s.scheduleAtFixedRate(this::tickLogged, nanos, nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void tickLogged() {
    try {
      tick();
    } catch (RuntimeException e) {
      // The scheduler would stop for good on an exception: log it and go on at the next tick.
      LOG.warn("cxkpi-micrometer: the {} interval could not be closed", kpiId, e);
    }
  }

  /**
   * The KPI's id.
   *
   * @return the id
   */
  public String kpiId() {
    return kpiId;
  }

  /**
   * The KPI's question.
   *
   * @return the question
   */
  public String question() {
    return question;
  }

  /**
   * The window's length (interval times the number of intervals) as an ISO-8601 duration.
   *
   * @return the window tag's value
   */
  public String window() {
    return window;
  }

  /**
   * Records a response in the segment the segmenter gives it.
   *
   * @param response the response
   * @return whether it was for the KPI's question (and so recorded)
   */
  public boolean record(SurveyResponse response) {
    Objects.requireNonNull(response, "response is null");
    if (!response.question().equals(question)) {
      return false;
    }
    Segmenter s = config.segmenter();
    if (s == null) {
      throw new IllegalStateException("this binder has no segmenter: record through segment("
          + String.join(", ", config.tagKeys()) + ")");
    }
    SegmentKey key = config.tagKeys().isEmpty() ? SegmentKey.ALL : s.segmentOf(response);
    // The built-in segmenters hand out the same key instance per value: look it up by identity
    // first (no hashing of the key's list, no map probe), then in the map.
    int slot = System.identityHashCode(key) & (FAST_SLOTS - 1);
    Fast f = fast[slot];
    if (f != null && f.key == key) {
      return f.recorder.record(response); // a segment's own recorder: no folding to count
    }
    Handle h = lookup(key);
    if (!h.isFolded()) {
      fast[slot] = new Fast(key, h.recorder()); // a benign race: Fast is immutable
    }
    return h.record(response);
  }

  /** A segment's recorder by the identity of a key instance. */
  private record Fast(SegmentKey key, RatingRecorder<?> recorder) {}

  private static final int FAST_SLOTS = 64;
  private final @Nullable Fast[] fast = new Fast[FAST_SLOTS];

  /**
   * The recorder of a segment given by its tag values.
   *
   * @param tagValues one value per tag key
   * @return the segment's recorder, or one that folds into {@code other} when the cap refuses
   *     the segment
   */
  public SegmentRecorder segment(List<String> tagValues) {
    List<String> values = List.copyOf(tagValues);
    if (config.tagKeys().isEmpty() && values.isEmpty()) {
      return lookup(SegmentKey.ALL);
    }
    return lookup(new SegmentKey(values, Collections.nCopies(values.size(), 0)));
  }

  /**
   * The recorder of a segment given by its key.
   *
   * @param key the segment
   * @return its recorder (see {@link #segment(List)})
   */
  public SegmentRecorder segment(SegmentKey key) {
    Objects.requireNonNull(key, "key is null");
    return lookup(key);
  }

  private Handle lookup(SegmentKey key) {
    Segment<A> seg = segments.get(key);
    if (seg != null) {
      return seg.handle;
    }
    List<String> keys = config.tagKeys();
    boolean unsegmented = keys.isEmpty();
    if (unsegmented ? !key.equals(SegmentKey.ALL) : key.names().size() != keys.size()) {
      throw new IllegalArgumentException("segment " + key.names() + " has "
          + key.names().size() + " values, but the binder's tag keys are " + keys);
    }
    seg = segments.computeIfAbsent(key, k -> {
      if (created.incrementAndGet() > config.maxSegments()) {
        created.decrementAndGet();
        return null;
      }
      return newSegment(k);
    });
    if (seg != null) {
      return seg.handle;
    }
    // Refused by the cap: count the segment once (while memory lasts), fold its answers.
    if (refused.size() < refusedMemory) {
      if (refused.putIfAbsent(key, Boolean.TRUE) == null) {
        dropped.increment();
      }
    } else if (!refused.containsKey(key)) {
      dropped.increment();
    }
    return foldedHandle();
  }

  private Handle foldedHandle() {
    Handle h = foldedHandle;
    if (h == null) {
      synchronized (this) {
        h = foldedHandle;
        if (h == null) {
          // The cap does not apply to "other" (nor does it count): answers must go somewhere.
          Segment<A> other = segments.computeIfAbsent(otherKey, this::newSegment);
          h = new Handle(other.recorder, otherKey.names(), folded);
          foldedHandle = h;
        }
      }
    }
    return h;
  }

  private Segment<A> newSegment(SegmentKey key) {
    List<String> keys = config.tagKeys();
    List<Tag> tags = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      tags.add(Tag.of(keys.get(i), key.names().get(i)));
    }
    List<String> values = keys.isEmpty() ? List.of() : key.names();
    return new Segment<>(key, Tags.of(tags), factory, config.intervals(), empty, values);
  }

  /**
   * Closes the current interval of every segment: takes its snapshot (lossless), drops the
   * oldest interval of the ring, merges the window, publishes the summaries and registers the
   * meters of new segments. Serialized: one reader at a time.
   */
  public void tick() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      Map<SegmentKey, KpiSummary> next = new LinkedHashMap<>();
      List<Segment<A>> fresh = new ArrayList<>();
      for (Segment<A> seg : new TreeMap<>(segments).values()) {
        next.put(seg.key, seg.roll(config.level()));
        if (!seg.published) {
          seg.published = true;
          fresh.add(seg);
        }
      }
      published = Collections.unmodifiableMap(next);
      for (MeterRegistry r : registries) {
        for (Segment<A> seg : fresh) {
          register(r, seg);
        }
      }
    }
  }

  /**
   * The summaries published by the last tick, per segment, in segment order.
   *
   * @return an immutable map
   */
  public Map<SegmentKey, KpiSummary> snapshot() {
    return published;
  }

  /**
   * How many distinct segments the cap refused.
   *
   * @return the count
   */
  public long droppedSegments() {
    return dropped.sum();
  }

  /**
   * How many answers went to {@code other} because their segment was refused.
   *
   * @return the count
   */
  public long foldedAnswers() {
    return folded.sum();
  }

  /**
   * Registers the meters in a registry: the binder's own, and those of every segment published
   * so far (later ones on the tick that first publishes them).
   *
   * @param registry the registry
   */
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry is null");
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the " + kpiId + " binder is closed");
      }
      for (MeterRegistry r : registries) {
        if (r == registry) {
          return;
        }
      }
      registries.add(registry);
      Tags t = Tags.of("kpi", kpiId, "question", question).and(config.commonTags());
      add(registry, FunctionCounter.builder("cxkpi.segments.dropped", dropped, LongAdder::sum)
          .tags(t)
          .description("Distinct segments refused by the cap; their answers go to 'other'")
          .register(registry));
      add(registry, FunctionCounter.builder("cxkpi.segments.folded", folded, LongAdder::sum)
          .tags(t)
          .description("Answers folded into the 'other' segment because the cap refused theirs")
          .register(registry));
      add(registry, Gauge.builder("cxkpi.segments", segments, Map::size)
          .tags(t)
          .description("Segments with a series (including 'other')")
          .strongReference(true)
          .register(registry));
      for (Segment<A> seg : new TreeMap<>(segments).values()) {
        if (seg.published) {
          register(registry, seg);
        }
      }
    }
  }

  private void add(MeterRegistry registry, Meter meter) {
    meters.add(new Bound(registry, meter));
  }

  private void register(MeterRegistry r, Segment<A> seg) {
    Tags base = config.commonTags().and("question", question).and(seg.tags);
    Tags t = base.and("window", window);
    Tags ci = t.and("level", levelTag);
    add(r, Gauge.builder(prefix + ".score", seg, s -> s.current.value())
        .tags(t).description("The " + name + " over the window").strongReference(true)
        .register(r));
    add(r, Gauge.builder(prefix + ".score.lower", seg, s -> s.current.interval().lower())
        .tags(ci).description("Lower bound of the " + name + "'s confidence interval")
        .strongReference(true).register(r));
    add(r, Gauge.builder(prefix + ".score.upper", seg, s -> s.current.interval().upper())
        .tags(ci).description("Upper bound of the " + name + "'s confidence interval")
        .strongReference(true).register(r));
    add(r, Gauge.builder(prefix + ".responses", seg, s -> s.current.n())
        .tags(t).description("Responses the " + name + " over the window counts (n)")
        .strongReference(true).register(r));
    add(r, Gauge.builder(prefix + ".small.sample", seg, s -> s.current.smallSample() ? 1 : 0)
        .tags(t).description("1 when n is below the " + name + "'s reporting threshold")
        .strongReference(true).register(r));
    add(r, FunctionCounter.builder(prefix + ".answers", seg, s -> s.answers)
        .tags(base).description("Answers on the scale taken in since the start")
        .register(r));
  }

  /**
   * Stops the ticks (and the binder's own scheduler) and removes the meters from the
   * registries. Answers recorded since the last tick are not published. Idempotent.
   */
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      ScheduledFuture<?> t = task;
      if (t != null) {
        t.cancel(false);
      }
      ScheduledExecutorService s = ownScheduler;
      if (s != null) {
        s.shutdownNow();
      }
      for (Bound b : meters) {
        b.registry().remove(b.meter());
      }
      meters.clear();
      registries.clear();
    }
  }
}
