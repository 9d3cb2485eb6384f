package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.AnswerSink;
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
  // The panes batches have met, numbered once for all batches: a batch finds a row's pane
  // through the day cache, not by working out its window again.
  private final PaneIndex batchPanes = new PaneIndex();
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
  // The columnar path (accept(SurveyBatch)): whether it is open, what each question's answers
  // go to, and the segments of the last batch's profiles (a reused batch keeps its ids).
  private @Nullable String batchRefusal;
  private boolean batchChecked;
  // The first KPI that needs survey responses as objects ("" for none), found once.
  private @Nullable String objectsOnlyKpi;
  // The plans of the questions met, by text: an open-addressing table (questions are few), looked
  // up once per answer fed as an object (measured in ScorecardBenchmark.cxkpi: with a HashMap
  // here the object path took about 12 % longer).
  private @Nullable QuestionPlan[] questionPlans = new QuestionPlan[16];
  private int questionCount;
  // Weak: a scorecard must not keep a caller's batch (and its arrays) alive.
  private java.lang.ref.WeakReference<@Nullable SurveyBatch> lastBatch =
      new java.lang.ref.WeakReference<>(null);
  private int[] batchSegmentOfProfile = new int[0];
  private final List<SegmentKey> batchSegmentList = new ArrayList<>();
  private final Map<SegmentKey, Integer> batchSegmentIds = new HashMap<>();
  private int[] batchCells = new int[0];
  // Survey answers fed as objects wait here, already checked and judged for lateness, and are
  // recorded through the columnar path when PENDING_ROWS have gathered (the cost of a batch,
  // a few allocations per cell it touches, is then a few bytes per answer) and before anything
  // reads or moves the cells (report, merge, endOfInput). Profiles are numbered by segment: a
  // built-in segmenter is a function of the profile, so one profile per segment stands for all.
  private static final int PENDING_ROWS = 16_384;
  private @Nullable SurveyBatch pending;
  private final Map<SegmentKey, Integer> pendingProfiles = new HashMap<>();
  // A direct-mapped cache in front of the segmenter and the map above, for the usual case: a
  // few profiles whose fields are the same objects from row to row (a profile whose fields are
  // the same objects has the same segment: the segmenter reads only them). Parallel arrays, so
  // that a miss allocates nothing.
  private static final int PROFILE_SLOTS = 64;
  private final @Nullable Channel[] slotChannel = new Channel[PROFILE_SLOTS];
  private final @Nullable JourneyStage[] slotStage = new JourneyStage[PROFILE_SLOTS];
  private final @Nullable String[] slotTouchpoint = new String[PROFILE_SLOTS];
  private final @Nullable Map<?, ?>[] slotAttributes = new Map<?, ?>[PROFILE_SLOTS];
  private final int[] slotProfile = new int[PROFILE_SLOTS];

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
   * <p>When the scorecard {@linkplain #takesBatches() takes batches}, a survey response is
   * checked now (lateness, its question's scales) and recorded through the columnar
   * path of {@link #accept(SurveyBatch)} 16,384 at a time, and always before
   * {@link #report()}, {@link #merge} or {@link #endOfInput()} read the cells: the same report
   * as recording it at once, at a fraction of the cost per answer.
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
    checkNotEnded();
    long t = interaction.instant().toEpochMilli();
    if (allowedLateness != null && maxSeen != Long.MIN_VALUE
        && t < maxSeen - allowedLateness.toMillis()) {
      interactions = Math.addExact(interactions, 1);
      late++;
      return false;
    }
    if (interaction instanceof SurveyResponse r && takesBatches()) {
      // The object path for answers is the columnar one: checked now, recorded in batches.
      buffer(r, t);
      return true;
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
    acceptEach(cell, segment, interaction);
    return true;
  }

  private void checkNotEnded() {
    if (ended) {
      throw new IllegalStateException("endOfInput() was called: the scorecard takes no more "
          + "interactions (merge another scorecard instead)");
    }
  }

  /**
   * One answer into the pending batch, after every check that can refuse it (its question's
   * scales; lateness was judged by the caller), so that a refused answer changes nothing.
   */
  private void buffer(SurveyResponse r, long t) {
    // No pane is looked up here: the windows cover every instant an interaction may have.
    SurveyBatch b = pending;
    if (b == null) {
      b = SurveyBatch.create(); // grows to PENDING_ROWS only when that many answers come
      pending = b;
    }
    QuestionPlan plan = plan(r.question());
    Integer score = r.score();
    if (score != null && (score < plan.validLo || score > plan.validHi)) {
      throw new IllegalArgumentException(plan.offScale(score));
    }
    int q = plan.pendingId;
    if (q < 0) {
      q = b.question(plan.question);
      plan.pendingId = q;
    }
    Channel channel = r.channel();
    JourneyStage stage = r.stage();
    String touchpoint = r.touchpoint();
    Map<String, String> attributes = r.attributes();
    int h = (channel.hashCode() * 31 + stage.ordinal()) * 31
        + (touchpoint == null ? 0 : touchpoint.hashCode());
    if (!attributes.isEmpty()) {
      h = h * 31 + System.identityHashCode(attributes);
    }
    int ps = (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(PROFILE_SLOTS));
    if (slotChannel[ps] != channel || slotStage[ps] != stage
        || slotTouchpoint[ps] != touchpoint || slotAttributes[ps] != attributes) {
      SegmentKey segment = Objects.requireNonNull(segmenter.segmentOf(r),
          "the segmenter returned null");
      Integer known = pendingProfiles.get(segment);
      int id = known != null ? known : b.profile(channel, stage, touchpoint, attributes);
      if (known == null) {
        pendingProfiles.put(segment, id);
      }
      slotChannel[ps] = channel;
      slotStage[ps] = stage;
      slotTouchpoint[ps] = touchpoint;
      slotAttributes[ps] = attributes;
      slotProfile[ps] = id;
    }
    int profile = slotProfile[ps];
    double w = r.weight();
    if (score == null) {
      b.addBlank(profile, t, q, w);
    } else if (w == 1.0) {
      b.add(profile, t, q, score);
    } else {
      b.add(profile, t, q, score, w);
    }
    maxSeen = Math.max(maxSeen, t);
    if (b.size() >= PENDING_ROWS) {
      flushPending();
    }
  }

  /** Records the pending answers (judged for lateness when they came) and empties the batch. */
  private void flushPending() {
    SurveyBatch b = pending;
    if (b != null && !b.isEmpty()) {
      record(b, true);
      b.clear();
    }
  }

  /** KPI k's sink for a question in a cell, its aggregator made if the cell has none yet. */
  private AnswerSink sinkIn(@Nullable KpiAggregator[] cell, int k, String question) {
    KpiAggregator a = cell[k];
    if (a == null) {
      a = kpis.get(k).newAggregator(options);
      cell[k] = a;
    }
    return Objects.requireNonNull(a.answerSink(question));
  }

  /** Whether every KPI takes survey answers in columns or takes none (see takesBatches). */
  private boolean kpisTakeColumns() {
    String id = objectsOnlyKpi;
    if (id == null) {
      id = "";
      for (int k = 0; k < kpis.size() && id.isEmpty(); k++) {
        // An aggregator answers null for every question or for none: any text will do.
        AnswerSink probe = kpis.get(k).newAggregator(options).answerSink("(probe)");
        if (probe == null || (spans[k] && probe.takesAnswers())) {
          id = kpis.get(k).id();
        }
      }
      objectsOnlyKpi = id;
    }
    return id.isEmpty();
  }

  private void acceptEach(@Nullable KpiAggregator[] cell, SegmentKey segment,
      Interaction interaction) {
    long t = interaction.instant().toEpochMilli();
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
  }

  /**
   * Whether {@link #accept(SurveyBatch)} is open: the segmenter is a built-in one (or a
   * combination of them), which reads only a response's profile, and every KPI takes survey
   * answers in columns or takes none (key drivers, which groups answers by respondent, does
   * not).
   *
   * @return whether batches are taken
   * @since 0.2.0
   */
  public boolean takesBatches() {
    return batchRefusal() == null;
  }

  private @Nullable String batchRefusal() {
    if (!batchChecked) {
      if (!(segmenter instanceof ProfileSegmenter)) {
        batchRefusal = "this scorecard's segmenter is a function of the caller's, which may read "
            + "more than a response's profile: feed it SurveyResponse objects";
      } else if (!kpisTakeColumns()) {
        batchRefusal = "KPI " + objectsOnlyKpi + " needs the survey responses themselves "
            + "(it takes no answers in columns): feed it SurveyResponse objects";
      }
      batchChecked = true;
    }
    return batchRefusal;
  }

  /** The KPIs that take answers to a question, and the range of scores they may take. */
  private static final class QuestionPlan {
    final String question;
    final int[] kpis;
    // The union of their scales: answers inside are counted per score, then handed over.
    final int lo;
    final int hi;
    // The scores every KPI that refuses off-scale answers takes; others are refused up front.
    final int validLo;
    final int validHi;
    // The scales of the refusing KPIs, in KPI order: the first that excludes a score names it.
    final int[] refusingLo;
    final int[] refusingHi;
    // The question's id in the scorecard's pending batch (ids stay valid across its clear()),
    // or -1 before an answer to it waits there.
    int pendingId = -1;

    QuestionPlan(String question, int[] kpis, int lo, int hi, int[] refusingLo,
        int[] refusingHi) {
      this.question = question;
      this.kpis = kpis;
      this.lo = lo;
      this.hi = hi;
      this.refusingLo = refusingLo;
      this.refusingHi = refusingHi;
      int vlo = Integer.MIN_VALUE;
      int vhi = Integer.MAX_VALUE;
      for (int i = 0; i < refusingLo.length; i++) {
        vlo = Math.max(vlo, refusingLo[i]);
        vhi = Math.min(vhi, refusingHi[i]);
      }
      this.validLo = vlo;
      this.validHi = vhi;
    }

    /** What a KPI says of an answer off its scale (the first refusing KPI that excludes it). */
    String offScale(int score) {
      for (int i = 0; i < refusingLo.length; i++) {
        if (score < refusingLo[i] || score > refusingHi[i]) {
          return "score " + score + " is outside the scale " + refusingLo[i] + ".."
              + refusingHi[i] + " of question '" + question + "'";
        }
      }
      throw new AssertionError("score " + score + " is on every scale");
    }
  }

  private QuestionPlan plan(String question) {
    int slot = planSlot(questionPlans, question);
    QuestionPlan plan = questionPlans[slot];
    // Small, so that the JIT inlines it where each answer is fed (as one method with the making
    // of a plan, the object path took 20-35 % longer); the first meeting apart.
    return plan != null ? plan : newPlan(question, slot);
  }

  private QuestionPlan newPlan(String question, int slot) {
    List<Integer> takers = new ArrayList<>();
    List<int[]> refusing = new ArrayList<>();
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int k = 0; k < kpis.size(); k++) {
      AnswerSink sink = Objects.requireNonNull(
          kpis.get(k).newAggregator(options).answerSink(question));
      if (!sink.takesAnswers()) {
        continue;
      }
      takers.add(k);
      lo = Math.min(lo, sink.minScore());
      hi = Math.max(hi, sink.maxScore());
      if (sink.rejectsOffScale()) {
        refusing.add(new int[] {sink.minScore(), sink.maxScore()});
      }
    }
    QuestionPlan plan = new QuestionPlan(question,
        takers.stream().mapToInt(Integer::intValue).toArray(), lo, hi,
        refusing.stream().mapToInt(r -> r[0]).toArray(),
        refusing.stream().mapToInt(r -> r[1]).toArray());
    questionPlans[slot] = plan;
    if (++questionCount * 2 > questionPlans.length) {
      @Nullable QuestionPlan[] old = questionPlans;
      questionPlans = new QuestionPlan[old.length * 2];
      for (QuestionPlan p : old) {
        if (p != null) {
          questionPlans[planSlot(questionPlans, p.question)] = p;
        }
      }
    }
    return plan;
  }

  /** The slot of a question in a table of plans: its plan's, or the empty one it would take. */
  private static int planSlot(@Nullable QuestionPlan[] table, String question) {
    int mask = table.length - 1;
    int i = (question.hashCode() * 0x9E3779B9) >>> 16 & mask;
    for (QuestionPlan p = table[i]; p != null && p.question != question
        && !p.question.equals(question); p = table[i]) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /**
   * Feeds a batch of survey answers in columns: the same report as feeding the responses the
   * rows stand for ({@link SurveyBatch#response}) one by one, in row order, with
   * {@link #accept(Interaction)}; a row is late, counted or used the same way. Answers are
   * counted per cell and score first and handed to each KPI's aggregator once per batch, with
   * no object per row. The batch is not changed: {@link SurveyBatch#clear()} it to reuse it.
   *
   * @param batch the answers
   * @return the rows that were not late (all of them without an allowed lateness)
   * @throws IllegalArgumentException when a score is off the scale of a KPI that refuses such
   *     answers (the message names the row, the score and the KPI); nothing of the batch is
   *     recorded then
   * @throws IllegalStateException when this scorecard takes no batches ({@link #takesBatches()}
   *     says why), or after {@link #endOfInput()}
   * @throws ArithmeticException when a count would overflow (at 2^63 answers; the batch may
   *     then be recorded in part)
   * @since 0.2.0
   */
  public int accept(SurveyBatch batch) {
    Objects.requireNonNull(batch, "batch is null");
    checkNotEnded();
    String refusal = batchRefusal();
    if (refusal != null) {
      throw new IllegalStateException("this scorecard takes no batches: " + refusal);
    }
    return record(batch, false);
  }

  /**
   * Records a batch; rows already judged for lateness (the pending answers fed as objects,
   * whose instants maxSeen already holds) are not judged again.
   */
  private int record(SurveyBatch batch, boolean judged) {
    int n = batch.size();
    long sumInteractions = Math.addExact(interactions, n);
    if (n == 0) {
      return 0;
    }
    // Segments: one per profile, numbered in the order met; kept while the batch is reused.
    int[] segmentOfProfile = segmentsOf(batch);
    QuestionPlan[] plans = new QuestionPlan[batch.questionCount()];
    // Questions some KPI takes, numbered 0..T-1 (few: each KPI takes its own); -1 for others.
    int[] taken = new int[plans.length];
    List<QuestionPlan> takenPlans = new ArrayList<>();
    for (int q = 0; q < plans.length; q++) {
      plans[q] = plan(batch.questionText(q));
      taken[q] = plans[q].kpis.length == 0 ? -1 : takenPlans.size();
      if (taken[q] >= 0) {
        takenPlans.add(plans[q]);
      }
    }
    int takenCount = takenPlans.size();
    // Each row's slot (see locate), kept between calls up to 64 Ki rows; a larger batch's
    // scratch goes with the call.
    if (batchCells.length < n && n <= 1 << 16) {
      batchCells = new int[Math.min(1 << 16, Math.max(n, batchCells.length * 2))];
    }
    final int[] cellOf = batchCells.length >= n ? batchCells : new int[n];
    // The cells the batch touches, numbered densely: arrays below are sized by the cells with
    // data, never by panes x segments (which a batch reused over many segment values would
    // make huge). Each pass is a method of its own, so that the JIT compiles each loop on its
    // own, and not this method, which runs once per batch, again for each loop.
    LongIndex cellIds = new LongIndex();
    Located located = locate(batch, plans, taken, takenCount, segmentOfProfile, cellOf, cellIds,
        judged);
    BatchCells real = new BatchCells(cellIds, batchPanes, takenCount);
    long[][] staged = stage(batch, plans, cellOf, real, cellIds.size() * takenCount);
    for (int slot = 0; slot < staged.length; slot++) {
      long[] counts = staged[slot];
      if (counts == null) {
        continue;
      }
      QuestionPlan plan = takenPlans.get(slot % takenCount);
      for (AnswerSink sink : real.sinks(slot, plan)) {
        sink.addCounts(plan.lo, counts);
      }
    }
    long lateRows = located.lateRows;
    long unusedRows = located.unusedRows;
    long max = located.max;
    interactions = sumInteractions;
    late += lateRows;
    unused += unusedRows;
    maxSeen = max;
    return (int) (n - lateRows);
  }

  /** What pass 1 over a batch found besides the cells: rows late or unused, the latest time. */
  private static final class Located {
    long lateRows;
    long unusedRows;
    long max;
  }

  /**
   * Pass 1 over a batch: lateness, checks and each row's slot (its cell, pane x segment, times
   * the questions taken, plus its question), or -1; nothing of the scorecard changes.
   */
  private Located locate(SurveyBatch batch, QuestionPlan[] plans, int[] taken, int takenCount,
      int[] segmentOfProfile, int[] cellOf, LongIndex cellIds, boolean judged) {
    final int n = batch.size();
    final long[] millis = batch.millis();
    final int[] profiles = batch.profiles();
    final int[] questions = batch.questions();
    final int[] scores = batch.scores();
    final boolean @Nullable [] blanks = batch.blanksOrNull();
    final long lateness = allowedLateness == null || judged ? -1 : allowedLateness.toMillis();
    final PaneIndex panes = batchPanes;
    Located out = new Located();
    long max = maxSeen;
    for (int i = 0; i < n; i++) {
      long t = millis[i];
      if (lateness >= 0 && max != Long.MIN_VALUE && t < max - lateness) {
        cellOf[i] = -1;
        out.lateRows++;
        continue;
      }
      if (t > max) {
        max = t;
      }
      QuestionPlan plan = plans[questions[i]];
      if (plan.kpis.length == 0) {
        cellOf[i] = -1;
        out.unusedRows++;
        continue;
      }
      int score = scores[i];
      if ((score < plan.validLo || score > plan.validHi) && (blanks == null || !blanks[i])) {
        throw new IllegalArgumentException("row " + i + ": " + plan.offScale(score)
            + "; nothing of the batch was recorded");
      }
      long cell = (long) panes.indexOf(t) << 32 | segmentOfProfile[profiles[i]];
      cellOf[i] = cellIds.indexOf(cell) * takenCount + taken[questions[i]];
    }
    out.max = max;
    return out;
  }

  /**
   * Pass 2 over a batch: answers counted per slot and score; weighted and blank answers (and
   * any outside every KPI's scale, when no KPI refuses them) go to the sinks one by one.
   */
  private static long[][] stage(SurveyBatch batch, QuestionPlan[] plans, int[] cellOf,
      BatchCells real, int slots) {
    final int n = batch.size();
    final int[] questions = batch.questions();
    final int[] scores = batch.scores();
    final double @Nullable [] weights = batch.weightsOrNull();
    final boolean @Nullable [] blanks = batch.blanksOrNull();
    long[][] staged = new long[slots][];
    for (int i = 0; i < n; i++) {
      int slot = cellOf[i];
      if (slot < 0) {
        continue;
      }
      QuestionPlan plan = plans[questions[i]];
      int score = scores[i];
      boolean blank = blanks != null && blanks[i];
      double w = weights == null ? 1.0 : weights[i];
      if (!blank && w == 1.0 && score >= plan.lo && score <= plan.hi) {
        long[] counts = staged[slot];
        if (counts == null) {
          counts = new long[plan.hi - plan.lo + 1];
          staged[slot] = counts;
        }
        counts[score - plan.lo]++;
      } else {
        for (AnswerSink sink : real.sinks(slot, plan)) {
          if (blank) {
            sink.addBlank(w);
          } else {
            sink.add(score, w);
          }
        }
      }
    }
    return staged;
  }

  /**
   * The segment of each profile of a batch, as an index into {@link #batchSegmentList}; a batch
   * fed again has only its new profiles segmented.
   */
  private int[] segmentsOf(SurveyBatch batch) {
    if (batch != lastBatch.get()) {
      lastBatch = new java.lang.ref.WeakReference<>(batch);
      batchSegmentOfProfile = new int[0];
      batchSegmentList.clear();
      batchSegmentIds.clear();
    }
    int from = batchSegmentOfProfile.length;
    int count = batch.profileCount();
    if (from < count) {
      int[] ids = java.util.Arrays.copyOf(batchSegmentOfProfile, count);
      for (int p = from; p < count; p++) {
        SegmentKey key = Objects.requireNonNull(segmenter.segmentOf(batch.profileResponse(p)),
            "the segmenter returned null");
        Integer id = batchSegmentIds.get(key);
        if (id == null) {
          id = batchSegmentList.size();
          batchSegmentList.add(key);
          batchSegmentIds.put(key, id);
        }
        ids[p] = id;
      }
      batchSegmentOfProfile = ids;
    }
    return batchSegmentOfProfile;
  }

  /** Dense indexes of long keys: an open-addressing table, for the cells a batch touches. */
  private static final class LongIndex {
    private long[] keys = new long[64];
    // Id + 1 of the key in the slot; 0 for an empty slot.
    private int[] ids = new int[64];
    private long[] byId = new long[16];
    private int size;
    private long lastKey = -1;
    private int lastId = -1;

    int size() {
      return size;
    }

    long key(int id) {
      return byId[id];
    }

    int indexOf(long key) {
      if (key == lastKey) {
        return lastId;
      }
      int mask = keys.length - 1;
      int slot = slot(key, mask);
      while (ids[slot] != 0) {
        if (keys[slot] == key) {
          lastKey = key;
          lastId = ids[slot] - 1;
          return lastId;
        }
        slot = (slot + 1) & mask;
      }
      int id = size++;
      keys[slot] = key;
      ids[slot] = id + 1;
      if (id == byId.length) {
        byId = java.util.Arrays.copyOf(byId, id * 2);
      }
      byId[id] = key;
      if (size * 2 > keys.length) {
        grow();
      }
      lastKey = key;
      lastId = id;
      return id;
    }

    private static int slot(long key, int mask) {
      return (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new long[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldIds[i] != 0) {
          int slot = slot(oldKeys[i], mask);
          while (ids[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[i];
          ids[slot] = oldIds[i];
        }
      }
    }
  }

  /**
   * The panes of a batch's instants, numbered in the order met. Rows rarely come in time
   * order, so a small direct-mapped cache by day finds the pane; a pane is always checked to
   * hold the instant (a day may straddle two panes in a zone whose offset is not whole days).
   */
  private final class PaneIndex {
    private final List<Window> list = new ArrayList<>();
    private final Map<Window, Integer> ids = new HashMap<>();
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    // Pane by day, direct-mapped (a slot holds the pane of the last day that used it, checked
    // against the pane's bounds): about eleven years of days before two share a slot.
    private final int[] byDay = new int[4096];

    PaneIndex() {
      java.util.Arrays.fill(byDay, -1);
    }

    Window pane(int i) {
      return list.get(i);
    }

    int indexOf(long t) {
      int slot = (int) (Math.floorDiv(t, 86_400_000L) & (byDay.length - 1));
      int p = byDay[slot];
      if (p >= 0 && t >= starts[p] && t < ends[p]) {
        return p;
      }
      p = find(t);
      byDay[slot] = p;
      return p;
    }

    private int find(long t) {
      Window w = paneCache.paneOf(Instant.ofEpochMilli(t));
      Integer known = ids.get(w);
      if (known != null) {
        return known;
      }
      int p = list.size();
      if (p == starts.length) {
        starts = java.util.Arrays.copyOf(starts, p * 2);
        ends = java.util.Arrays.copyOf(ends, p * 2);
      }
      starts[p] = w.start().toEpochMilli();
      ends[p] = w.end().toEpochMilli();
      list.add(w);
      ids.put(w, p);
      return p;
    }
  }

  /** The scorecard's cells behind a batch's slots (cell x taken question), made when written. */
  private final class BatchCells {
    private final LongIndex cellIds;
    private final PaneIndex panes;
    private final int takenCount;
    private final @Nullable KpiAggregator[] @Nullable [] cellsById;
    private final AnswerSink[] @Nullable [] sinksBySlot;

    BatchCells(LongIndex cellIds, PaneIndex panes, int takenCount) {
      this.cellIds = cellIds;
      this.panes = panes;
      this.takenCount = takenCount;
      this.cellsById = new @Nullable KpiAggregator[cellIds.size()] @Nullable [];
      this.sinksBySlot = new AnswerSink[cellIds.size() * takenCount] @Nullable [];
    }

    /** The sinks of the KPIs that take a slot's question, in its cell (made if need be). */
    AnswerSink[] sinks(int slot, QuestionPlan plan) {
      AnswerSink[] sinks = sinksBySlot[slot];
      if (sinks != null) {
        return sinks;
      }
      int c = slot / takenCount;
      @Nullable KpiAggregator[] cell = cellsById[c];
      if (cell == null) {
        long key = cellIds.key(c);
        SegmentKey segment = batchSegmentList.get((int) key);
        Window pane = panes.pane((int) (key >>> 32));
        cell = cells.computeIfAbsent(segment, x -> new HashMap<>())
            .computeIfAbsent(pane, w -> new KpiAggregator[kpis.size()]);
        cellsById[c] = cell;
      }
      sinks = new AnswerSink[plan.kpis.length];
      for (int j = 0; j < sinks.length; j++) {
        sinks[j] = sinkIn(cell, plan.kpis[j], plan.question);
      }
      sinksBySlot[slot] = sinks;
      return sinks;
    }
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
    flushPending();
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
   * @param other the other scorecard; what it reports is not changed (survey answers waiting in
   *     it to be recorded are recorded in it first: one thread at a time, as for any use)
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
    // Answers fed as objects may wait in either: recorded first, each by its own KPIs (in the
    // other, this changes how it holds them, not what it reports), so that the cells' merge
    // checks that both scorecards' definitions agree before anything of the other comes in.
    flushPending();
    other.flushPending();
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
   * from the previous window. It may be called at any time and changes no figure (survey
   * answers waiting to be recorded are recorded first: one thread at a time); KPIs that
   * decide in event time show what is decided so far (everything, after {@link #endOfInput()}).
   *
   * @return the report
   */
  public ScorecardReport report() {
    flushPending();
    List<ScorecardRow> rows = new ArrayList<>();
    List<SegmentKey> segments = new ArrayList<>(cells.keySet());
    segments.sort(null);
    for (SegmentKey segment : segments) {
      // Only the panes where some KPI took something: a pane that holds only interactions no
      // KPI uses (a question no KPI takes) must not add rolling windows that end on it, or the
      // windows reported would depend on such rows and on the path they came by.
      TreeMap<Window, @Nullable KpiAggregator[]> panes = new TreeMap<>();
      Objects.requireNonNull(cells.get(segment)).forEach((pane, cell) -> {
        for (KpiAggregator a : cell) {
          if (a != null) {
            panes.put(pane, cell);
            return;
          }
        }
      });
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
