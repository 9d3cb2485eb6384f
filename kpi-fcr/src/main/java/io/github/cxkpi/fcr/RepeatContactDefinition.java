package io.github.cxkpi.fcr;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * What a repeat-contact FCR is: the key, the repeat window, how episodes are grouped, whether
 * the agent's resolved mark is required, and how the watermark moves. Immutable; start from
 * {@link Fcr#repeatContact()} or {@link Fcr#caseBased()}.
 *
 * @param key what makes two contacts the same issue (default the customer)
 * @param window a contact within this time after another of the same key is a repeat (the
 *     boundary is inclusive: a gap of exactly the window is a repeat); default 7 days
 * @param mode how contacts group into episodes (default gap-chained)
 * @param requireAgentResolved whether a single-contact episode also needs its contact marked
 *     resolved by the agent to count as resolved at first contact (default no)
 * @param allowedLateness how far behind the largest instant seen a contact may arrive when the
 *     watermark is derived (default 1 hour)
 * @param derivedWatermark whether the watermark follows the largest instant seen minus the
 *     lateness (default yes); if not, only {@link RepeatContactAggregator#advanceWatermark}
 *     moves it
 * @param smallSampleThreshold results with fewer decided episodes are flagged (default 30)
 */
public record RepeatContactDefinition(
    FcrKey key,
    Duration window,
    EpisodeMode mode,
    boolean requireAgentResolved,
    Duration allowedLateness,
    boolean derivedWatermark,
    int smallSampleThreshold) {

  /** The longest window and lateness accepted: 366 days. */
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  /** Validates: a window of 1 ms to 366 days, a lateness of 0 to 366 days. */
  public RepeatContactDefinition {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(mode, "mode is null");
    Objects.requireNonNull(allowedLateness, "allowedLateness is null");
    if (window.toMillis() < 1 || window.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "window must be between 1 ms and " + MAX_DURATION + ", was " + window);
    }
    if (allowedLateness.isNegative() || allowedLateness.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "allowedLateness must be between 0 and " + MAX_DURATION + ", was " + allowedLateness);
    }
    if (smallSampleThreshold < 0) {
      throw new IllegalArgumentException(
          "smallSampleThreshold must be >= 0, was " + smallSampleThreshold);
    }
    window = Duration.ofMillis(window.toMillis());
    allowedLateness = Duration.ofMillis(allowedLateness.toMillis());
  }

  /**
   * This definition with another key.
   *
   * @param key the key
   * @return the new definition
   */
  public RepeatContactDefinition withKey(FcrKey key) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold);
  }

  /**
   * This definition with another window (millisecond precision).
   *
   * @param window the window
   * @return the new definition
   */
  public RepeatContactDefinition withWindow(Duration window) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold);
  }

  /**
   * This definition with another episode mode.
   *
   * @param mode the mode
   * @return the new definition
   */
  public RepeatContactDefinition withMode(EpisodeMode mode) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold);
  }

  /**
   * This definition requiring (or not) the agent's resolved mark.
   *
   * @param required whether the mark is required
   * @return the new definition
   */
  public RepeatContactDefinition withAgentResolvedRequired(boolean required) {
    return new RepeatContactDefinition(key, window, mode, required, allowedLateness,
        derivedWatermark, smallSampleThreshold);
  }

  /**
   * This definition with another allowed lateness (millisecond precision).
   *
   * @param lateness the lateness
   * @return the new definition
   */
  public RepeatContactDefinition withAllowedLateness(Duration lateness) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, lateness,
        derivedWatermark, smallSampleThreshold);
  }

  /**
   * This definition with the watermark derived from the data, or moved only by the caller.
   *
   * @param derived whether the watermark is derived
   * @return the new definition
   */
  public RepeatContactDefinition withDerivedWatermark(boolean derived) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derived, smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer decided episodes are flagged
   * @return the new definition
   */
  public RepeatContactDefinition withSmallSampleThreshold(int threshold) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, threshold);
  }

  void writeTo(FrameWriter w) {
    w.putVarLong(key.ordinal()).putVarLong(window.toMillis()).putVarLong(mode.ordinal())
        .putBoolean(requireAgentResolved).putVarLong(allowedLateness.toMillis())
        .putBoolean(derivedWatermark).putVarLong(smallSampleThreshold);
  }

  static RepeatContactDefinition readFrom(FrameReader r) {
    FcrKey key = r.getEnum("key", FcrKey.class);
    long window = r.getVarLong("window", 1, MAX_DURATION.toMillis());
    EpisodeMode mode = r.getEnum("mode", EpisodeMode.class);
    boolean required = r.getBoolean("requireAgentResolved");
    long lateness = r.getVarLong("allowedLateness", 0, MAX_DURATION.toMillis());
    boolean derived = r.getBoolean("derivedWatermark");
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    return new RepeatContactDefinition(key, Duration.ofMillis(window), mode, required,
        Duration.ofMillis(lateness), derived, threshold);
  }
}
