package io.github.cxkpi.scorecard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a scorecard cuts time: calendar windows in a time zone (day, ISO week, month), or
 * rolling windows (the last N days, every day) built by merging daily panes, never by
 * re-reading events. Immutable.
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

  private final Unit unit;
  private final ZoneId zone;
  private final int rollingDays;
  // Pane lookups are by epoch day: the last one is cached, since events come roughly in order.
  private final int fixedOffset;
  private final java.util.HashMap<Long, Window> byDay = new java.util.HashMap<>();
  private long cachedDay = Long.MIN_VALUE;
  private Window cachedPane = new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "");

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
   * Not thread-safe (it caches panes by day); a scorecard uses its scheme from one thread, and
   * scorecards on several threads should each have their own scheme.
   *
   * @param instant the instant
   * @return its pane
   */
  public Window paneOf(Instant instant) {
    // The local day from the zone's offset at that instant, without a ZonedDateTime.
    int offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset
        : zone.getRules().getOffset(instant).getTotalSeconds();
    long day = Math.floorDiv(instant.getEpochSecond() + offset, 86_400L);
    if (day == cachedDay) {
      return cachedPane;
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

  private Window paneOfDate(LocalDate d) {
    switch (unit) {
      case DAY:
        return new Window(start(d), start(d.plusDays(1)), d.toString());
      case ISO_WEEK: {
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(Locale.ROOT, "%d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Window(start(monday), start(monday.plusWeeks(1)), label);
      }
      case MONTH: {
        LocalDate first = d.withDayOfMonth(1);
        return new Window(start(first), start(first.plusMonths(1)),
            first.format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT)));
      }
      default:
        throw new AssertionError(unit);
    }
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
    return paneOfDate(pane.start().atZone(zone).toLocalDate().minusDays(1));
  }

  /**
   * The windows a report shows, given the panes that hold data: the panes themselves for
   * calendar windows; for rolling windows, one window per day from the first pane to the last,
   * each spanning the last N days.
   *
   * @param firstPane the earliest pane with data
   * @param lastPane the latest pane with data
   * @return the report windows, in time order
   */
  public List<Window> reportWindows(Window firstPane, Window lastPane) {
    List<Window> out = new ArrayList<>();
    if (rollingDays == 0) {
      for (Window w = firstPane; w.compareTo(lastPane) <= 0;
          w = paneOfDate(w.end().atZone(zone).toLocalDate())) {
        out.add(w);
      }
      return out;
    }
    LocalDate last = lastPane.start().atZone(zone).toLocalDate();
    for (LocalDate d = firstPane.start().atZone(zone).toLocalDate(); !d.isAfter(last);
        d = d.plusDays(1)) {
      out.add(rollingWindowEndingOn(d));
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

  /**
   * The panes whose merge is a report window.
   *
   * @param window a report window
   * @return its panes, in time order
   */
  public List<Window> panesOf(Window window) {
    if (rollingDays == 0) {
      return List.of(window);
    }
    List<Window> panes = new ArrayList<>();
    for (LocalDate d = window.start().atZone(zone).toLocalDate();
        d.atStartOfDay(zone).toInstant().isBefore(window.end()); d = d.plusDays(1)) {
      panes.add(paneOfDate(d));
    }
    return panes;
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
