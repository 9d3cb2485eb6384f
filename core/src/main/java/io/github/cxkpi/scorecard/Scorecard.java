package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiOptions;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a CX team looks at: one stream of mixed interactions in, every chosen KPI out, per
 * segment and window, with the change against the previous window and its p-value. It names
 * only the SPI: by default it computes every KPI the {@link KpiRegistry} finds.
 *
 * <p>Each (segment, pane, KPI) cell is a {@link KpiAggregator}; rolling windows are merges of
 * daily panes, never a re-read of events. With an allowed lateness, an interaction at or below
 * the largest instant seen minus the lateness is late: counted in the report, not used.
 *
 * <p>Without an allowed lateness (a report over a file) nothing is late: every KPI is made with
 * {@link KpiOptions#wholeInput()}, so the report is the same for the same interactions in any
 * order. Repeat-contact FCR in a scorecard sees the contacts of its pane only: a repeat in the
 * next pane does not count, so per-window FCR reads high near a window's end. Use
 * {@code RepeatContactAggregator} on the whole stream for the exact figure.
 *
 * <p>Memory grows with the cells that hold data (segment x pane x KPI used there) and with what
 * event-time KPIs keep pending (repeat-contact FCR keeps the contacts of its open episodes, all
 * of them until {@link #endOfInput()} when the whole input is at hand), never with the number
 * of survey answers.
 *
 * <p><b>Not thread-safe</b>; scorecards with the same configuration {@link #merge}. Several
 * scorecards may share one {@link WindowScheme}, {@link Segmenter} and registry across threads.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.builder().segmentBy(Segmenter.channel())
 *     .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneId.of("Europe/Paris")))
 *     .build();
 * interactions.forEach(card::accept);
 * card.endOfInput();
 * ScorecardReport report = card.report();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Scorecard {
  private final List<KpiProvider> kpis;
  private final Segmenter segmenter;
  private final WindowScheme scheme;
  private final WindowScheme.PaneCache paneCache;
  private final @Nullable Duration allowedLateness;
  private final KpiOptions options;
  private final double level;
  // segment -> pane -> one aggregator per KPI (by index in kpis), created only for the KPIs
  // that consume an interaction of the cell: a cell of survey answers holds no FCR state.
  private final Map<SegmentKey, Map<Window, @Nullable KpiAggregator[]>> cells = new HashMap<>();
  // One empty aggregator per KPI, tried on an interaction before a cell has that KPI, and
  // moved into the cell when it takes the interaction (so nothing is allocated per row).
  private final @Nullable KpiAggregator[] scratch;
  // KPIs whose outcomes are decided with later windows (repeat-contact FCR): one aggregator per
  // segment across all windows takes their interactions, and what it decides goes into the
  // cell of the pane it is attributed to (an episode: its first contact's pane).
  private final boolean[] spans;
  private final Map<SegmentKey, @Nullable KpiAggregator[]> spanning = new HashMap<>();
  private long interactions;
  private long late;
  private long unused;
  private long maxSeen = Long.MIN_VALUE;
  private boolean ended;
  // The cell of the previous interaction: runs of one segment and pane skip the map lookups.
  private @Nullable SegmentKey lastSegment;
  private @Nullable Window lastPane;
  private @Nullable KpiAggregator @Nullable [] lastCell;

  private Scorecard(Builder b) {
    this.kpis = List.copyOf(b.kpis != null ? b.kpis : b.registry.providers().stream()
        .filter(KpiProvider::computedByDefault).toList());
    this.segmenter = b.segmenter;
    this.scheme = b.scheme;
    this.paneCache = b.scheme.newPaneCache();
    this.allowedLateness = b.allowedLateness;
    // Without a lateness the whole input is at hand: an event-time KPI must not call anything
    // late either, or the figures would depend on the order of the input.
    this.options = (b.allowedLateness == null
        ? KpiOptions.wholeInput() : KpiOptions.allowedLateness(b.allowedLateness)).byWindow();
    this.level = b.level;
    this.scratch = new KpiAggregator[kpis.size()];
    this.spans = new boolean[kpis.size()];
    for (int k = 0; k < spans.length; k++) {
      spans[k] = kpis.get(k).newAggregator(options).spansWindows();
    }
  }

  /**
   * Starts a scorecard: by default every KPI of {@link KpiRegistry#load()}, no segmentation,
   * ISO weeks in UTC, no lateness limit, 95 % intervals.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The KPIs computed, in report order.
   *
   * @return their ids
   */
  public List<String> kpiIds() {
    return kpis.stream().map(KpiProvider::id).toList();
  }

  /**
   * The options the KPIs' aggregators are made with: {@link KpiOptions#wholeInput()} without
   * an allowed lateness, else that lateness.
   *
   * @return the options
   */
  public KpiOptions kpiOptions() {
    return options;
  }

  /**
   * Feeds one interaction to every KPI of its segment and pane.
   *
   * <p>With an allowed lateness L, an interaction whose instant is strictly before (the largest
   * instant seen - L) is late: counted, not used. An interaction at the same instant as the
   * largest seen is never late, even with L = 0. Without a lateness nothing is late, and the
   * report does not depend on the order of the interactions.
   *
   * @param interaction the interaction
   * @return {@code false} when it was late (and counted as such), {@code true} otherwise
   * @throws IllegalArgumentException when a KPI refuses it (e.g. an answer off its scale), or
   *     when its instant is outside the range the windows cover; the scorecard's counts and
   *     results are then unchanged
   * @throws IllegalStateException after {@link #endOfInput()}
   */
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    if (ended) {
      throw new IllegalStateException("endOfInput() was called: the scorecard takes no more "
          + "interactions (merge another scorecard instead)");
    }
    long t = interaction.instant().toEpochMilli();
    if (allowedLateness != null && maxSeen != Long.MIN_VALUE
        && t < maxSeen - allowedLateness.toMillis()) {
      interactions = Math.addExact(interactions, 1);
      late++;
      return false;
    }
    SegmentKey segment = segmenter.segmentOf(interaction);
    Window pane = paneCache.paneOf(interaction.instant());
    @Nullable KpiAggregator[] cell;
    if (segment.equals(lastSegment) && pane == lastPane) {
      cell = Objects.requireNonNull(lastCell);
    } else {
      cell = cells.computeIfAbsent(segment, s -> new HashMap<>())
          .computeIfAbsent(pane, w -> new KpiAggregator[kpis.size()]);
      lastSegment = segment;
      lastPane = pane;
      lastCell = cell;
    }
    boolean used = false;
    for (int k = 0; k < cell.length; k++) {
      if (spans[k]) {
        used |= acceptSpanning(segment, k, interaction);
        continue;
      }
      KpiAggregator a = cell[k];
      if (a != null) {
        used |= a.accept(interaction);
        continue;
      }
      KpiAggregator s = scratch[k];
      if (s == null) {
        s = kpis.get(k).newAggregator(options);
        scratch[k] = s;
      }
      boolean taken = s.accept(interaction);
      if (taken || !s.isEmpty()) {
        cell[k] = s;
        scratch[k] = null;
      }
      used |= taken;
    }
    // Counted only now: a KPI that refuses the interaction (an off-scale answer) throws before
    // any state changes, and the interaction is then not counted at all.
    interactions = Math.addExact(interactions, 1);
    maxSeen = Math.max(maxSeen, t);
    if (!used) {
      unused++;
    }
    return true;
  }

  private boolean acceptSpanning(SegmentKey segment, int k, Interaction interaction) {
    @Nullable KpiAggregator[] bySegment = spanning.get(segment);
    KpiAggregator a = bySegment == null ? null : bySegment[k];
    if (a == null) {
      KpiAggregator s = scratch[k];
      if (s == null) {
        s = kpis.get(k).newAggregator(options);
        scratch[k] = s;
      }
      if (!s.accept(interaction)) {
        return false;
      }
      scratch[k] = null;
      spanning.computeIfAbsent(segment, x -> new KpiAggregator[kpis.size()])[k] = s;
      a = s;
    } else if (!a.accept(interaction)) {
      return false;
    }
    a.drainDecided(t -> paneAggregator(cells, segment, t, k));
    return true;
  }

  /** KPI k's aggregator in the cell of a segment and an instant's pane, made if need be. */
  private KpiAggregator paneAggregator(Map<SegmentKey, Map<Window, @Nullable KpiAggregator[]>> in,
      SegmentKey segment, Instant t, int k) {
    @Nullable KpiAggregator[] cell = in.computeIfAbsent(segment, s -> new HashMap<>())
        .computeIfAbsent(paneCache.paneOf(t), w -> new KpiAggregator[kpis.size()]);
    KpiAggregator a = cell[k];
    if (a == null) {
      a = kpis.get(k).newAggregator(options);
      cell[k] = a;
    }
    return a;
  }

  /**
   * Declares the end of the input: KPIs that decide in event time decide what is pending.
   * Calling it again does nothing.
   */
  public void endOfInput() {
    if (ended) {
      return;
    }
    spanning.forEach((segment, bySegment) -> {
      for (int k = 0; k < bySegment.length; k++) {
        KpiAggregator a = bySegment[k];
        if (a != null) {
          a.endOfInput();
          int kpi = k;
          a.drainDecided(t -> paneAggregator(cells, segment, t, kpi));
        }
      }
    });
    for (Map<Window, @Nullable KpiAggregator[]> bySegment : cells.values()) {
      for (@Nullable KpiAggregator[] cell : bySegment.values()) {
        for (KpiAggregator a : cell) {
          if (a != null) {
            a.endOfInput();
          }
        }
      }
    }
    ended = true;
  }

  /**
   * Whether {@link #endOfInput()} was called.
   *
   * @return {@code true} once the input has ended
   */
  public boolean isEnded() {
    return ended;
  }

  /**
   * Adds another scorecard of the same configuration (e.g. built on another thread or
   * partition) into this one. Failure-atomic: when it throws, this scorecard is unchanged.
   *
   * @param other the other scorecard; it is not changed
   * @return this scorecard
   * @throws IllegalArgumentException when the KPIs, their definitions, the window scheme or the
   *     lateness differ, or when a KPI cannot merge the two (e.g. repeat-contact FCR with a key
   *     in both)
   * @throws ArithmeticException when a count would overflow
   */
  public Scorecard merge(Scorecard other) {
    Objects.requireNonNull(other, "other is null");
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a scorecard into itself");
    }
    if (!kpiIds().equals(other.kpiIds()) || !scheme.equals(other.scheme)
        || !Objects.equals(allowedLateness, other.allowedLateness)) {
      throw new IllegalArgumentException("cannot merge scorecards of " + kpiIds() + " by "
          + scheme + " (" + options + ") and of " + other.kpiIds() + " by " + other.scheme
          + " (" + other.options + ")");
    }
    // Everything that can throw happens on copies; this scorecard changes only afterwards.
    long sumInteractions = Math.addExact(interactions, other.interactions);
    long sumLate = Math.addExact(late, other.late);
    long sumUnused = Math.addExact(unused, other.unused);
    Map<SegmentKey, Map<Window, @Nullable KpiAggregator[]>> staged = new HashMap<>();
    other.cells.forEach((segment, panes) -> panes.forEach((pane, cell) -> {
      Map<Window, @Nullable KpiAggregator[]> myPanes = cells.get(segment);
      @Nullable KpiAggregator[] mine = myPanes == null ? null : myPanes.get(pane);
      @Nullable KpiAggregator[] merged = new KpiAggregator[kpis.size()];
      for (int k = 0; k < merged.length; k++) {
        KpiAggregator theirs = cell[k];
        KpiAggregator ours = mine == null ? null : mine[k];
        // The cells of spanning KPIs may still receive decided outcomes below: copies.
        merged[k] = theirs == null ? (ours != null && spans[k] ? ours.copy() : ours)
            : ours == null ? theirs.copy() : ours.copy().merge(theirs);
      }
      staged.computeIfAbsent(segment, s -> new HashMap<>()).put(pane, merged);
    }));
    Map<SegmentKey, @Nullable KpiAggregator[]> stagedSpanning = new HashMap<>();
    other.spanning.forEach((segment, theirs) -> {
      @Nullable KpiAggregator[] mine = spanning.get(segment);
      @Nullable KpiAggregator[] merged = new KpiAggregator[kpis.size()];
      for (int k = 0; k < merged.length; k++) {
        KpiAggregator t = theirs[k];
        KpiAggregator o = mine == null ? null : mine[k];
        if (t == null) {
          merged[k] = o;
          continue;
        }
        KpiAggregator m = o == null ? t.copy() : o.copy().merge(t);
        if (ended) {
          m.endOfInput(); // this scorecard takes no more input: decide what the other had pending
        }
        int kpi = k;
        m.drainDecided(i -> stagedPaneAggregator(staged, segment, i, kpi));
        merged[k] = m;
      }
      stagedSpanning.put(segment, merged);
    });
    staged.forEach((segment, panes) ->
        cells.computeIfAbsent(segment, s -> new HashMap<>()).putAll(panes));
    spanning.putAll(stagedSpanning);
    lastSegment = null;
    lastPane = null;
    lastCell = null;
    interactions = sumInteractions;
    late = sumLate;
    unused = sumUnused;
    maxSeen = Math.max(maxSeen, other.maxSeen);
    return this;
  }

  /** {@link #paneAggregator} into staged cells, copying a cell of this scorecard first. */
  private KpiAggregator stagedPaneAggregator(
      Map<SegmentKey, Map<Window, @Nullable KpiAggregator[]>> staged, SegmentKey segment,
      Instant t, int k) {
    Window pane = paneCache.paneOf(t);
    Map<Window, @Nullable KpiAggregator[]> panes = staged.computeIfAbsent(segment,
        s -> new HashMap<>());
    if (!panes.containsKey(pane)) {
      Map<Window, @Nullable KpiAggregator[]> myPanes = cells.get(segment);
      @Nullable KpiAggregator[] mine = myPanes == null ? null : myPanes.get(pane);
      @Nullable KpiAggregator[] copy = new KpiAggregator[kpis.size()];
      for (int i = 0; mine != null && i < copy.length; i++) {
        KpiAggregator a = mine[i];
        copy[i] = a == null || !spans[i] ? a : a.copy();
      }
      panes.put(pane, copy);
    }
    return paneAggregator(staged, segment, t, k);
  }

  /**
   * The report: for each segment, window and KPI with data, the KPI's summary and its change
   * from the previous window. It may be called at any time and changes nothing; KPIs that
   * decide in event time show what is decided so far (everything, after {@link #endOfInput()}).
   *
   * @return the report
   */
  public ScorecardReport report() {
    List<ScorecardRow> rows = new ArrayList<>();
    List<SegmentKey> segments = new ArrayList<>(cells.keySet());
    segments.sort(null);
    for (SegmentKey segment : segments) {
      TreeMap<Window, @Nullable KpiAggregator[]> panes = new TreeMap<>(cells.get(segment));
      // Only windows that can hold data: the work is bounded by the data, not by the span of
      // time between its first and last instants.
      for (Window window : scheme.reportWindows(panes.navigableKeySet())) {
        for (int k = 0; k < kpis.size(); k++) {
          KpiAggregator current = windowAggregate(panes, window, k);
          if (current == null) {
            continue;
          }
          KpiSummary summary = current.summary(level);
          if (summary.n() == 0) {
            continue;
          }
          KpiAggregator previous = windowAggregate(panes, scheme.previousWindow(window), k);
          KpiSummary before = previous == null ? null : previous.summary(level);
          // A change is tested only between windows that both meet the KPI's reporting
          // threshold: a z test on a handful of answers would print confident nonsense.
          Difference change = previous == null || before == null || summary.smallSample()
              || before.smallSample() || before.n() == 0
              ? null : current.difference(previous, level);
          rows.add(new ScorecardRow(segment, window, summary, change));
        }
      }
    }
    return new ScorecardReport(rows, interactions, late, unused, scheme, level);
  }

  /** The merge of a window's panes for a KPI, or null when none of them has it. */
  private static @Nullable KpiAggregator windowAggregate(
      TreeMap<Window, @Nullable KpiAggregator[]> panes, Window window, int k) {
    KpiAggregator result = null;
    for (@Nullable KpiAggregator[] cell : panesInside(panes, window)) {
      KpiAggregator a = cell[k];
      if (a == null) {
        continue;
      }
      result = result == null ? a.copy() : result.merge(a);
    }
    return result;
  }

  private static Collection<@Nullable KpiAggregator[]> panesInside(
      TreeMap<Window, @Nullable KpiAggregator[]> panes, Window window) {
    // The panes that start inside [start, end): a sub-map view, so no pane is computed twice.
    return panes.subMap(
        new Window(window.start(), window.start().plusMillis(1), ""), true,
        new Window(window.end(), window.end().plusMillis(1), ""), false).values();
  }

  /** The longest allowed lateness: 100,000 days, longer than the range of instants. */
  public static final Duration MAX_LATENESS = Duration.ofDays(100_000);

  /** Configures a {@link Scorecard}. */
  public static final class Builder {
    private KpiRegistry registry = KpiRegistry.load();
    private @Nullable List<KpiProvider> kpis;
    private Segmenter segmenter = Segmenter.none();
    private WindowScheme scheme =
        WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC);
    private @Nullable Duration allowedLateness;
    private double level = 0.95;

    private Builder() {}

    /**
     * The registry whose KPIs to compute (all of them unless {@link #kpis} narrows it).
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(KpiRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry is null");
      return this;
    }

    /**
     * The KPIs to compute, by id, in report order.
     *
     * @param ids the ids
     * @return this builder
     * @throws IllegalArgumentException for an id the registry does not know
     */
    public Builder kpis(String... ids) {
      List<KpiProvider> list = new ArrayList<>();
      for (String id : ids) {
        list.add(registry.get(id));
      }
      this.kpis = list;
      return this;
    }

    /**
     * How to segment.
     *
     * @param segmenter the segmenter
     * @return this builder
     */
    public Builder segmentBy(Segmenter segmenter) {
      this.segmenter = Objects.requireNonNull(segmenter, "segmenter is null");
      return this;
    }

    /**
     * How to cut time.
     *
     * @param scheme the window scheme
     * @return this builder
     */
    public Builder windows(WindowScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme is null");
      return this;
    }

    /**
     * Interactions strictly before the largest instant seen minus this are late (counted, not
     * used); event-time KPIs are made with {@link KpiOptions#allowedLateness(Duration)}. Without
     * it (the default) nothing is late and the report does not depend on the order of the
     * input: right for a report over a file.
     *
     * @param lateness the allowed lateness, 0 to {@link #MAX_LATENESS}
     * @return this builder
     * @throws IllegalArgumentException when the lateness is negative or longer than that
     */
    public Builder allowedLateness(Duration lateness) {
      Objects.requireNonNull(lateness, "lateness is null");
      if (lateness.isNegative() || lateness.compareTo(MAX_LATENESS) > 0) {
        throw new IllegalArgumentException("allowedLateness must be between 0 and "
            + MAX_LATENESS + ", was " + lateness);
      }
      this.allowedLateness = lateness;
      return this;
    }

    /**
     * The confidence level of intervals and tests.
     *
     * @param level strictly between 0 and 1
     * @return this builder
     */
    public Builder level(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be strictly between 0 and 1, was " + level);
      }
      this.level = level;
      return this;
    }

    /**
     * Builds the scorecard.
     *
     * @return the scorecard
     */
    public Scorecard build() {
      return new Scorecard(this);
    }
  }
}
