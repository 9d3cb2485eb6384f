package io.github.cxkpi.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How generic code (a scorecard, an adapter) wants a KPI's aggregator configured, beyond the
 * KPI's own definition. Immutable and thread-safe.
 *
 * <p>Today it says how the input is ordered in time, which matters to KPIs that decide in
 * event time (repeat-contact FCR): either the whole input is at hand ({@link #wholeInput()},
 * nothing is late whatever the order, everything pending is decided at
 * {@link KpiAggregator#endOfInput()}), or it streams with a bounded lateness
 * ({@link #allowedLateness(Duration)}), or each KPI keeps its definition's default
 * ({@link #kpiDefaults()}). KPIs without event-time state ignore it.
 *
 * @since 0.1.0
 */
public final class KpiOptions {
  private static final KpiOptions DEFAULTS = new KpiOptions(false, null, false);
  private static final KpiOptions WHOLE_INPUT = new KpiOptions(true, null, false);

  private final boolean wholeInput;
  private final @Nullable Duration allowedLateness;
  private final boolean byWindow;

  private KpiOptions(boolean wholeInput, @Nullable Duration allowedLateness, boolean byWindow) {
    this.wholeInput = wholeInput;
    this.allowedLateness = allowedLateness;
    this.byWindow = byWindow;
  }

  /**
   * Each KPI as its definition says (repeat-contact FCR: a derived watermark one hour behind).
   *
   * @return the options
   */
  public static KpiOptions kpiDefaults() {
    return DEFAULTS;
  }

  /**
   * The whole input is at hand (a report over a file): nothing is late, whatever the order of
   * the input; KPIs that decide in event time decide everything at the end of the input.
   *
   * @return the options
   */
  public static KpiOptions wholeInput() {
    return WHOLE_INPUT;
  }

  /**
   * A stream whose interactions arrive at most this far behind the latest instant seen: an
   * interaction strictly before (latest instant seen - lateness) is late.
   *
   * @param lateness the allowed lateness, not negative
   * @return the options
   * @throws IllegalArgumentException when the lateness is negative
   */
  public static KpiOptions allowedLateness(Duration lateness) {
    Objects.requireNonNull(lateness, "lateness is null");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must not be negative, was " + lateness);
    }
    return new KpiOptions(false, lateness, false);
  }

  /**
   * These options for a caller that reports by window and places the outcomes of KPIs that
   * {@linkplain KpiAggregator#spansWindows() span windows} with
   * {@link KpiAggregator#drainDecided}: such KPIs then keep their decided outcomes for it.
   *
   * @return the options, reporting by window
   */
  public KpiOptions byWindow() {
    return byWindow ? this : new KpiOptions(wholeInput, allowedLateness, true);
  }

  /**
   * Whether the caller reports by window (see {@link #byWindow()}).
   *
   * @return {@code true} when reporting by window
   */
  public boolean isByWindow() {
    return byWindow;
  }

  /**
   * Whether the whole input is at hand (nothing is late).
   *
   * @return {@code true} for {@link #wholeInput()}
   */
  public boolean isWholeInput() {
    return wholeInput;
  }

  /**
   * The allowed lateness, when one was set.
   *
   * @return the lateness, or empty for {@link #wholeInput()} and {@link #kpiDefaults()}
   */
  public Optional<Duration> lateness() {
    return Optional.ofNullable(allowedLateness);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KpiOptions k && wholeInput == k.wholeInput
        && Objects.equals(allowedLateness, k.allowedLateness) && byWindow == k.byWindow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(wholeInput, allowedLateness, byWindow);
  }

  @Override
  public String toString() {
    return (wholeInput ? "whole input" : allowedLateness == null ? "KPI defaults"
        : "allowed lateness " + allowedLateness) + (byWindow ? ", by window" : "");
  }
}
