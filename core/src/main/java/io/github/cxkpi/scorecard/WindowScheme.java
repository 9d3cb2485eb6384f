package io.github.cxkpi.scorecard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import io.github.cxkpi.event.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How a scorecard cuts time: calendar windows in a time zone (day, ISO week, month), or
 * rolling windows (the last N days, every day) built by merging daily panes, never by
 * re-reading events. Immutable and thread-safe: scorecards on many threads may share one.
 * Windows cover instants from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}.
 *
 * @since 0.1.0
 */
public final class WindowScheme {
  /** The calendar unit of a pane. */
  public enum Unit {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday, labelled like 2026-W05. */
    ISO_WEEK,
    /** A calendar month. */
    MONTH
  }

  /** The earliest instant a pane covers: {@link Interaction#MIN_INSTANT}. */
  public static final Instant MIN_INSTANT = Interaction.MIN_INSTANT;

  /** The first instant after the last that a pane covers: {@link Interaction#MAX_INSTANT}. */
  public static final Instant MAX_INSTANT = Interaction.MAX_INSTANT;

  private final Unit unit;
  private final ZoneId zone;
  private final int rollingDays;
  // The zone's offset when it never changes, else Integer.MIN_VALUE: saves a rules lookup.
  private final int fixedOffset;

  private WindowScheme(Unit unit, ZoneId zone, int rollingDays) {
    this.unit = unit;
    this.zone = Objects.requireNonNull(zone, "zone is null");
    this.rollingDays = rollingDays;
    this.fixedOffset = zone.getRules().isFixedOffset()
        ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
  }

  /**
   * Calendar windows of a unit in a time zone.
   *
   * @param unit the unit
   * @param zone the time zone
   * @return the scheme
   */
  public static WindowScheme calendar(Unit unit, ZoneId zone) {
    return new WindowScheme(Objects.requireNonNull(unit, "unit is null"), zone, 0);
  }

  /**
   * Rolling windows: the last {@code days} days, one window per day, in a time zone.
   *
   * @param days the window's length in days, 2 to 366
   * @param zone the time zone
   * @return the scheme
   */
  public static WindowScheme rolling(int days, ZoneId zone) {
    if (days < 2 || days > 366) {
      throw new IllegalArgumentException("rolling window must be 2 to 366 days, was " + days);
    }
    return new WindowScheme(Unit.DAY, zone, days);
  }

  /**
   * The pane unit.
   *
   * @return the unit
   */
  public Unit unit() {
    return unit;
  }

  /**
   * The time zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Whether windows roll (0 when calendar).
   *
   * @return the rolling length in days, or 0
   */
  public int rollingDays() {
    return rollingDays;
  }

  /**
   * The pane an instant falls in (the calendar window, or the day of a rolling scheme).
   *
   * @param instant the instant, between {@link #MIN_INSTANT} and {@link #MAX_INSTANT}
   * @return its pane
   * @throws IllegalArgumentException when the instant is outside that range
   */
  public Window paneOf(Instant instant) {
    return paneOfDate(LocalDate.ofEpochDay(epochDay(instant)));
  }

  private long epochDay(Instant instant) {
    Objects.requireNonNull(instant, "instant is null");
    if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(MAX_INSTANT)) {
      throw new IllegalArgumentException("instant " + instant + " is outside the range of "
          + "windows, " + MIN_INSTANT + " (inclusive) to " + MAX_INSTANT + " (exclusive)");
    }
    return localEpochDay(instant);
  }

  private long localEpochDay(Instant instant) {
    // The local day from the zone's offset at that instant, without a ZonedDateTime.
    int offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset
        : zone.getRules().getOffset(instant).getTotalSeconds();
    return Math.floorDiv(instant.getEpochSecond() + offset, 86_400L);
  }

  /**
   * A cache of panes by day for one user on one thread (a scorecard): events come roughly in
   * time order, so most lookups hit the last day. Not thread-safe; the scheme itself keeps no
   * mutable state, so one scheme may be shared by scorecards on many threads.
   */
  final class PaneCache {
    private final HashMap<Long, Window> byDay = new HashMap<>();
    private long cachedDay = Long.MIN_VALUE;
    private @Nullable Window cachedPane;

    Window paneOf(Instant instant) {
      long day = epochDay(instant);
      Window cached = cachedPane;
      if (day == cachedDay && cached != null) {
        return cached;
      }
      Window w = byDay.get(day);
      if (w == null) {
        w = paneOfDate(LocalDate.ofEpochDay(day));
        if (byDay.size() > 4096) {
          byDay.clear();
        }
        byDay.put(day, w);
      }
      cachedDay = day;
      cachedPane = w;
      return w;
    }
  }

  PaneCache newPaneCache() {
    return new PaneCache();
  }

  private Window paneOfDate(LocalDate d) {
    switch (unit) {
      case DAY:
        return new Window(start(d), start(d.plusDays(1)), d.toString());
      case ISO_WEEK: {
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // "%d-W%02d", written out: a report labels a window per row, and a formatter's first
        // thousand calls run cold in a short-lived CLI.
        String label = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
            + twoDigits(monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Window(start(monday), start(monday.plusWeeks(1)), label);
      }
      case MONTH: {
        LocalDate first = d.withDayOfMonth(1);
        return new Window(start(first), start(first.plusMonths(1)),
            first.getYear() + "-" + twoDigits(first.getMonthValue())); // "yyyy-MM": 1970-2200
      }
      default:
        throw new AssertionError(unit);
    }
  }

  /** A number from 0 to 99 in two digits. */
  private static String twoDigits(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private Instant start(LocalDate d) {
    return d.atStartOfDay(zone).toInstant();
  }

  /**
   * The pane before one (the previous day, week or month).
   *
   * @param pane a pane of this scheme
   * @return the previous pane
   */
  public Window previousPane(Window pane) {
    // The pane of the instant just before this one starts: a day that does not exist in the
    // zone (Pacific/Apia skipped 2011-12-30) has no pane and is passed over.
    return paneOfDate(LocalDate.ofEpochDay(localEpochDay(pane.start().minusNanos(1))));
  }

  /**
   * The windows a report shows, given the panes that hold data: the panes themselves for
   * calendar windows; for rolling windows, one window per day from the first pane to the last
   * whose N days hold at least one of the panes, each spanning the last N days. Days that do
   * not exist in the zone end no window.
   *
   * @param panesWithData the panes of this scheme that hold data
   * @return the report windows, in time order
   */
  public List<Window> reportWindows(SortedSet<Window> panesWithData) {
    Objects.requireNonNull(panesWithData, "panesWithData is null");
    if (rollingDays == 0 || panesWithData.isEmpty()) {
      return new ArrayList<>(panesWithData);
    }
    // Work bounded by the data (panes x N days), not by the span from the first to the last.
    LocalDate last = panesWithData.last().start().atZone(zone).toLocalDate();
    TreeSet<LocalDate> ends = new TreeSet<>();
    for (Window pane : panesWithData) {
      LocalDate d = pane.start().atZone(zone).toLocalDate();
      for (int i = 0; i < rollingDays && !d.plusDays(i).isAfter(last); i++) {
        ends.add(d.plusDays(i));
      }
    }
    List<Window> out = new ArrayList<>(ends.size());
    for (LocalDate d : ends) {
      if (start(d).isBefore(start(d.plusDays(1)))) {
        out.add(rollingWindowEndingOn(d));
      }
    }
    return out;
  }

  private Window rollingWindowEndingOn(LocalDate d) {
    return new Window(start(d.minusDays(rollingDays - 1L)), start(d.plusDays(1)),
        rollingDays + "d to " + d);
  }

  /**
   * The window a report compares a window with: the previous pane for calendar windows; for
   * rolling windows the previous <em>non-overlapping</em> window (the N days before), so that
   * the two samples are independent and the test is honest.
   *
   * @param window a report window
   * @return the previous window
   */
  public Window previousWindow(Window window) {
    if (rollingDays == 0) {
      return previousPane(window);
    }
    LocalDate end = window.end().atZone(zone).toLocalDate().minusDays(1);
    return rollingWindowEndingOn(end.minusDays(rollingDays));
  }

  @Override
  public String toString() {
    return rollingDays == 0 ? unit + " in " + zone : "rolling " + rollingDays + " days in " + zone;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WindowScheme w && unit == w.unit && zone.equals(w.zone)
        && rollingDays == w.rollingDays;
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, zone, rollingDays);
  }
}
