package io.github.cxkpi.scorecard;

import java.time.Instant;
import java.util.Objects;

/**
 * A time window {@code [start, end)} with its label (e.g. "2026-W05", "2026-02-03",
 * "2026-02", "28d to 2026-02-03").
 *
 * @param start the first instant inside
 * @param end the first instant after
 * @param label the label
 * @since 0.1.0
 */
public record Window(Instant start, Instant end, String label) implements Comparable<Window> {
  /**
   * Checks {@code start < end}.
   *
   * @param start the first instant inside
   * @param end the first instant after
   * @param label the label
   */
  public Window {
    Objects.requireNonNull(start, "start is null");
    Objects.requireNonNull(end, "end is null");
    Objects.requireNonNull(label, "label is null");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " is not before its end " + end);
    }
  }

  /**
   * Whether an instant lies inside.
   *
   * @param instant the instant
   * @return {@code start <= instant < end}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  @Override
  public int compareTo(Window o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }
}
