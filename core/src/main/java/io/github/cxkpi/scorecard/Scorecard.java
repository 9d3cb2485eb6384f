package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * <p>Repeat-contact FCR in a scorecard sees the contacts of its pane only: a repeat in the next
 * pane does not count, so per-window FCR reads high near a window's end. Use
 * {@code RepeatContactAggregator} on the whole stream for the exact figure.
 *
 * <p><b>Not thread-safe</b>; scorecards with the same configuration {@link #merge}.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.builder().segmentBy(Segmenter.channel())
 *     .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneId.of("Europe/Paris")))
 *     .build();
 * interactions.forEach(card::accept);
 * card.endOfInput();
 * ScorecardReport report = card.report();
 * }</pre>
 */
public final class Scorecard {
  private final List<KpiProvider> kpis;
  private final Segmenter segmenter;
  private final WindowScheme scheme;
  private final @Nullable Duration allowedLateness;
  private final double level;
  // segment -> pane -> one aggregator per KPI (by index in kpis), created when first needed.
  private final Map<SegmentKey, Map<Window, @Nullable KpiAggregator[]>> cells = new HashMap<>();
  private long interactions;
  private long late;
  private long unused;
  private long maxSeen = Long.MIN_VALUE;
  // The cell of the previous interaction: runs of one segment and pane skip the map lookups.
  private @Nullable SegmentKey lastSegment;
  private @Nullable Window lastPane;
  private @Nullable KpiAggregator @Nullable [] lastCell;

  private Scorecard(Builder b) {
    this.kpis = List.copyOf(b.kpis != null ? b.kpis : b.registry.providers());
    this.segmenter = b.segmenter;
    this.scheme = b.scheme;
    this.allowedLateness = b.allowedLateness;
    this.level = b.level;
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
   * Feeds one interaction to every KPI of its segment and pane.
   *
   * @param interaction the interaction
   * @return {@code false} when it was late (and counted as such), {@code true} otherwise
   * @throws IllegalArgumentException when a KPI refuses it (e.g. an answer off its scale); the
   *     scorecard's counts and results are then unchanged
   */
  public boolean accept(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction is null");
    long t = interaction.instant().toEpochMilli();
    if (allowedLateness != null && maxSeen != Long.MIN_VALUE
        && t <= maxSeen - allowedLateness.toMillis()) {
      interactions++;
      late++;
      return false;
    }
    SegmentKey segment = segmenter.segmentOf(interaction);
    Window pane = scheme.paneOf(interaction.instant());
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
      KpiAggregator a = cell[k];
      if (a == null) {
        a = kpis.get(k).newAggregator();
        cell[k] = a;
      }
      used |= a.accept(interaction);
    }
    // Counted only now: a KPI that refuses the interaction (an off-scale answer) throws before
    // any state changes, and the interaction is then not counted at all.
    interactions++;
    maxSeen = Math.max(maxSeen, t);
    if (!used) {
      unused++;
    }
    return true;
  }

  /** Declares the end of the input: KPIs that decide in event time decide what is pending. */
  public void endOfInput() {
    for (Map<Window, @Nullable KpiAggregator[]> bySegment : cells.values()) {
      for (@Nullable KpiAggregator[] cell : bySegment.values()) {
        for (KpiAggregator a : cell) {
          if (a != null) {
            a.endOfInput();
          }
        }
      }
    }
  }

  /**
   * Adds another scorecard of the same configuration (e.g. built on another thread or
   * partition) into this one.
   *
   * @param other the other scorecard; it is not changed
   * @return this scorecard
   * @throws IllegalArgumentException when the KPIs or the window scheme differ
   */
  public Scorecard merge(Scorecard other) {
    Objects.requireNonNull(other, "other is null");
    if (!kpiIds().equals(other.kpiIds()) || !scheme.equals(other.scheme)) {
      throw new IllegalArgumentException("cannot merge scorecards of " + kpiIds() + " by "
          + scheme + " and of " + other.kpiIds() + " by " + other.scheme);
    }
    other.cells.forEach((segment, panes) -> panes.forEach((pane, cell) -> {
      @Nullable KpiAggregator[] mine = cells.computeIfAbsent(segment, s -> new HashMap<>())
          .computeIfAbsent(pane, w -> new KpiAggregator[kpis.size()]);
      for (int k = 0; k < cell.length; k++) {
        KpiAggregator agg = cell[k];
        if (agg == null) {
          continue;
        }
        KpiAggregator a = mine[k];
        if (a == null) {
          mine[k] = agg.copy();
        } else {
          a.merge(agg);
        }
      }
    }));
    lastSegment = null;
    lastPane = null;
    lastCell = null;
    interactions += other.interactions;
    late += other.late;
    unused += other.unused;
    maxSeen = Math.max(maxSeen, other.maxSeen);
    return this;
  }

  /**
   * The report: for each segment, window and KPI with data, the KPI's summary and its change
   * from the previous window.
   *
   * @return the report
   */
  public ScorecardReport report() {
    List<ScorecardRow> rows = new ArrayList<>();
    List<SegmentKey> segments = new ArrayList<>(cells.keySet());
    segments.sort(null);
    for (SegmentKey segment : segments) {
      TreeMap<Window, @Nullable KpiAggregator[]> panes = new TreeMap<>(cells.get(segment));
      Window first = panes.firstKey();
      Window last = panes.lastKey();
      for (Window window : scheme.reportWindows(first, last)) {
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
    for (Window pane : paneList(panes, window)) {
      @Nullable KpiAggregator[] cell = panes.get(pane);
      KpiAggregator a = cell == null ? null : cell[k];
      if (a == null) {
        continue;
      }
      result = result == null ? a.copy() : result.merge(a);
    }
    return result;
  }

  private static List<Window> paneList(TreeMap<Window, @Nullable KpiAggregator[]> panes,
      Window window) {
    // The panes inside [start, end): a sub-map lookup, so no pane is computed twice.
    return new ArrayList<>(panes.subMap(
        new Window(window.start(), window.start().plusMillis(1), ""), true,
        new Window(window.end(), window.end().plusMillis(1), ""), false).keySet());
  }

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
     * Interactions older than the largest instant seen minus this are late (counted, not
     * used). Without it (the default) nothing is late: right for a report over a file.
     *
     * @param lateness the allowed lateness, not negative
     * @return this builder
     */
    public Builder allowedLateness(Duration lateness) {
      if (lateness.isNegative()) {
        throw new IllegalArgumentException("allowedLateness must not be negative, was " + lateness);
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
