package io.github.cxkpi.fcr;

import io.github.cxkpi.codec.FrameInput;
import io.github.cxkpi.codec.FrameOutput;
import io.github.cxkpi.codec.FrameWriter;
import java.io.IOException;
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
 *     watermark is derived (default 1 hour): a contact is late only when its instant is
 *     strictly before the largest instant seen minus the lateness, so with a lateness of 0 a
 *     contact at the same instant as the latest one is not late
 * @param derivedWatermark whether the watermark follows the largest instant seen minus the
 *     lateness (default yes); if not, only {@link RepeatContactAggregator#advanceWatermark}
 *     moves it
 * @param smallSampleThreshold results with fewer decided episodes are flagged (default 30)
 * @param sameInstant what two contacts of one key at the same instant are (default
 *     {@link SameInstantContacts#REPEAT}: the customer contacted twice, so the first contact
 *     did not resolve the issue; see {@link SameInstantContacts})
 *
 * @since 0.1.0
 */
public record RepeatContactDefinition(
    FcrKey key,
    Duration window,
    EpisodeMode mode,
    boolean requireAgentResolved,
    Duration allowedLateness,
    boolean derivedWatermark,
    int smallSampleThreshold,
    SameInstantContacts sameInstant) {

  /** The longest window and lateness accepted: 366 days. */
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  /**
   * Validates: a window of 1 ms to 366 days, a lateness of 0 to 366 days.
   *
   * @param key what makes two contacts the same issue (default the customer)
   * @param window a contact within this time after another of the same key is a repeat (the
   *     boundary is inclusive: a gap of exactly the window is a repeat); default 7 days
   * @param mode how contacts group into episodes (default gap-chained)
   * @param requireAgentResolved whether a single-contact episode also needs its contact marked
   *     resolved by the agent to count as resolved at first contact (default no)
   * @param allowedLateness how far behind the largest instant seen a contact may arrive when the
   *     watermark is derived (default 1 hour): a contact is late only when its instant is strictly
   *     before the largest instant seen minus the lateness, so with a lateness of 0 a contact at
   *     the same instant as the latest one is not late
   * @param derivedWatermark whether the watermark follows the largest instant seen minus the
   *     lateness (default yes); if not, only {@link RepeatContactAggregator#advanceWatermark} moves
   *     it
   * @param smallSampleThreshold results with fewer decided episodes are flagged (default 30)
   * @param sameInstant what two contacts of one key at the same instant are (default {@link
   *     SameInstantContacts#REPEAT}: the customer contacted twice, so the first contact did not
   *     resolve the issue; see {@link SameInstantContacts})
   */
  public RepeatContactDefinition {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(mode, "mode is null");
    Objects.requireNonNull(allowedLateness, "allowedLateness is null");
    Objects.requireNonNull(sameInstant, "sameInstant is null");
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
   * A definition where two contacts of one key at the same instant are a repeat (the
   * default), as before {@link SameInstantContacts} existed.
   *
   * @param key the key
   * @param window the repeat window
   * @param mode the episode mode
   * @param requireAgentResolved whether the agent's mark is required
   * @param allowedLateness the allowed lateness
   * @param derivedWatermark whether the watermark is derived
   * @param smallSampleThreshold the small-sample threshold
   */
  public RepeatContactDefinition(FcrKey key, Duration window, EpisodeMode mode,
      boolean requireAgentResolved, Duration allowedLateness, boolean derivedWatermark,
      int smallSampleThreshold) {
    this(key, window, mode, requireAgentResolved, allowedLateness, derivedWatermark,
        smallSampleThreshold, SameInstantContacts.REPEAT);
  }

  /**
   * This definition with another key.
   *
   * @param key the key
   * @return the new definition
   */
  public RepeatContactDefinition withKey(FcrKey key) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition with another window (millisecond precision).
   *
   * @param window the window
   * @return the new definition
   */
  public RepeatContactDefinition withWindow(Duration window) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition with another episode mode.
   *
   * @param mode the mode
   * @return the new definition
   */
  public RepeatContactDefinition withMode(EpisodeMode mode) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition requiring (or not) the agent's resolved mark.
   *
   * @param required whether the mark is required
   * @return the new definition
   */
  public RepeatContactDefinition withAgentResolvedRequired(boolean required) {
    return new RepeatContactDefinition(key, window, mode, required, allowedLateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition with another allowed lateness (millisecond precision).
   *
   * @param lateness the lateness
   * @return the new definition
   */
  public RepeatContactDefinition withAllowedLateness(Duration lateness) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, lateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition with the watermark derived from the data, or moved only by the caller.
   *
   * @param derived whether the watermark is derived
   * @return the new definition
   */
  public RepeatContactDefinition withDerivedWatermark(boolean derived) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derived, smallSampleThreshold, sameInstant);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold results with fewer decided episodes are flagged
   * @return the new definition
   */
  public RepeatContactDefinition withSmallSampleThreshold(int threshold) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, threshold, sameInstant);
  }

  /**
   * This definition with another meaning of two contacts of one key at the same instant.
   *
   * @param sameInstant {@link SameInstantContacts#REPEAT} (the default) or
   *     {@link SameInstantContacts#DUPLICATE}
   * @return the new definition
   * @since 0.1.0
   */
  public RepeatContactDefinition withSameInstant(SameInstantContacts sameInstant) {
    return new RepeatContactDefinition(key, window, mode, requireAgentResolved, allowedLateness,
        derivedWatermark, smallSampleThreshold, sameInstant);
  }

  /*
   * Layout (format version 1): key ordinal, window ms, mode, requireAgentResolved, lateness ms,
   * derivedWatermark, smallSampleThreshold, all varints but the booleans. The mode field
   * carries sameInstant in its bit 1 (mode ordinal | sameInstant ordinal << 1): REPEAT is 0,
   * so every frame written before the option existed reads unchanged, and a reader that does
   * not know the option refuses a DUPLICATE frame (mode out of range) instead of misreading it.
   */
  private long modeField() {
    return mode.ordinal() | (long) sameInstant.ordinal() << 1;
  }

  void writeTo(FrameWriter w) {
    w.putVarLong(key.ordinal()).putVarLong(window.toMillis()).putVarLong(modeField())
        .putBoolean(requireAgentResolved).putVarLong(allowedLateness.toMillis())
        .putBoolean(derivedWatermark).putVarLong(smallSampleThreshold);
  }

  void writeTo(FrameOutput w) throws IOException {
    w.putVarLong(key.ordinal()).putVarLong(window.toMillis()).putVarLong(modeField())
        .putBoolean(requireAgentResolved).putVarLong(allowedLateness.toMillis())
        .putBoolean(derivedWatermark).putVarLong(smallSampleThreshold);
  }

  static RepeatContactDefinition readFrom(FrameInput r) throws IOException {
    FcrKey key = r.getEnum("key", FcrKey.class);
    long window = r.getVarLong("window", 1, MAX_DURATION.toMillis());
    int modeField = (int) r.getVarLong("mode", 0, 3);
    boolean required = r.getBoolean("requireAgentResolved");
    long lateness = r.getVarLong("allowedLateness", 0, MAX_DURATION.toMillis());
    boolean derived = r.getBoolean("derivedWatermark");
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    return new RepeatContactDefinition(key, Duration.ofMillis(window),
        EpisodeMode.values()[modeField & 1], required, Duration.ofMillis(lateness), derived,
        threshold, SameInstantContacts.values()[modeField >> 1]);
  }
}
