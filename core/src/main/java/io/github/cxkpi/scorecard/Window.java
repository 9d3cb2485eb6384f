package io.github.cxkpi.scorecard;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  /**
   * Equal when start, end and label are.
   *
   * @param o another object
   * @return whether it is the same window
   */
  @Override
  public boolean equals(@Nullable Object o) {
    // Written out, not the record's generated method: that one is bound through method handles
    // on first use, which spins hidden classes and costs a short-lived CLI measurable start-up.
    return o instanceof Window w && start.equals(w.start) && end.equals(w.end)
        && label.equals(w.label);
  }

  /**
   * A hash of start, end and label.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (start.hashCode() * 31 + end.hashCode()) * 31 + label.hashCode();
  }
}
