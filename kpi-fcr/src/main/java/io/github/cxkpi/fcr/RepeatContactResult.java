package io.github.cxkpi.fcr;

import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;
import java.util.Objects;

/**
 * Repeat-contact FCR: what has been decided so far, what is pending, and what came late.
 * Immutable.
 *
 * @param definition the definition
 * @param contacts contacts accepted (not late)
 * @param lateContacts contacts that arrived at or below the watermark: counted, not used
 * @param contactsDecided accepted contacts whose repeat status is final
 * @param contactsRepeated of those, the contacts followed by a repeat within the window
 * @param episodesDecided issue episodes whose FCR status is final
 * @param episodesResolved of those, the episodes resolved at first contact
 * @param episodesPending episodes started whose FCR status is not final yet
 * @param pendingKeys keys with state in memory (the memory in use is proportional to this)
 * @param duplicateContacts accepted contacts found to be copies of another contact of their
 *     key at the same instant ({@link SameInstantContacts#DUPLICATE}; always 0 with the
 *     default {@link SameInstantContacts#REPEAT}); counted in {@code contacts}, not in the
 *     decided or repeated contacts
 *
 * @since 0.1.0
 */
public record RepeatContactResult(
    RepeatContactDefinition definition,
    long contacts,
    long lateContacts,
    long contactsDecided,
    long contactsRepeated,
    long episodesDecided,
    long episodesResolved,
    long episodesPending,
    long pendingKeys,
    long duplicateContacts) {

  /**
   * Checks the counts' consistency.
   *
   * @param definition the definition
   * @param contacts contacts accepted (not late)
   * @param lateContacts contacts that arrived at or below the watermark: counted, not used
   * @param contactsDecided accepted contacts whose repeat status is final
   * @param contactsRepeated of those, the contacts followed by a repeat within the window
   * @param episodesDecided issue episodes whose FCR status is final
   * @param episodesResolved of those, the episodes resolved at first contact
   * @param episodesPending episodes started whose FCR status is not final yet
   * @param pendingKeys keys with state in memory (the memory in use is proportional to this)
   * @param duplicateContacts accepted contacts found to be copies of another contact of their key
   *     at the same instant ({@link SameInstantContacts#DUPLICATE}; always 0 with the default
   *     {@link SameInstantContacts#REPEAT}); counted in {@code contacts}, not in the decided or
   *     repeated contacts
   */
  public RepeatContactResult {
    Objects.requireNonNull(definition, "definition is null");
    if (contacts < 0 || lateContacts < 0 || contactsDecided < 0 || contactsDecided > contacts
        || contactsRepeated < 0 || contactsRepeated > contactsDecided || episodesDecided < 0
        || episodesResolved < 0 || episodesResolved > episodesDecided || episodesPending < 0
        || pendingKeys < 0 || duplicateContacts < 0
        || duplicateContacts > contacts - contactsDecided) {
      throw new IllegalArgumentException("inconsistent FCR counts: contacts " + contacts
          + ", decided " + contactsDecided + ", repeated " + contactsRepeated + ", episodes "
          + episodesDecided + ", resolved " + episodesResolved + ", duplicates "
          + duplicateContacts);
    }
  }

  /**
   * A result without duplicate contacts (as before {@link SameInstantContacts} existed).
   *
   * @param definition the definition
   * @param contacts contacts accepted
   * @param lateContacts late contacts
   * @param contactsDecided contacts decided
   * @param contactsRepeated contacts repeated
   * @param episodesDecided episodes decided
   * @param episodesResolved episodes resolved
   * @param episodesPending episodes pending
   * @param pendingKeys pending keys
   */
  public RepeatContactResult(RepeatContactDefinition definition, long contacts,
      long lateContacts, long contactsDecided, long contactsRepeated, long episodesDecided,
      long episodesResolved, long episodesPending, long pendingKeys) {
    this(definition, contacts, lateContacts, contactsDecided, contactsRepeated, episodesDecided,
        episodesResolved, episodesPending, pendingKeys, 0);
  }

  /**
   * FCR: episodes resolved at first contact / episodes decided.
   *
   * @return the share, NaN before any episode is decided
   */
  public double fcr() {
    return (double) episodesResolved / episodesDecided;
  }

  /**
   * The Wilson interval of {@link #fcr()}.
   *
   * @param level the confidence level
   * @return the interval
   */
  public Interval fcrInterval(double level) {
    return Proportions.wilson(episodesResolved, episodesDecided, level);
  }

  /**
   * The repeat-contact rate: contacts followed by a repeat / contacts decided.
   *
   * @return the rate, NaN before any contact is decided
   */
  public double repeatContactRate() {
    return (double) contactsRepeated / contactsDecided;
  }

  /**
   * Whether fewer episodes than the threshold are decided.
   *
   * @return {@code true} for a small sample
   */
  public boolean isSmallSample() {
    return episodesDecided < definition.smallSampleThreshold();
  }

  /**
   * Compares FCR with a baseline ({@code this - baseline}): pooled z test and Newcombe's
   * interval.
   *
   * @param baseline the baseline
   * @param level the confidence level
   * @return the difference of the FCR shares
   */
  public Difference compare(RepeatContactResult baseline, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    return Proportions.compare(episodesDecided == 0 ? 0 : fcr(), episodesDecided,
        baseline.episodesDecided == 0 ? 0 : baseline.fcr(), baseline.episodesDecided, level);
  }

  /**
   * A line a person reads: the FCR share of the decided episodes in percent with its 95 % Wilson
   * interval, n (episodes decided), the repeat-contact rate, and what is pending or late, e.g.
   * {@code FCR 50.0% [9.5%, 90.5%] n=2, repeat rate 33.3%, 0 pending, 0 late (small sample)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    String tail = String.format(java.util.Locale.ROOT, ", %d pending, %d late%s",
        episodesPending(), lateContacts(), isSmallSample() ? " (small sample)" : "");
    if (episodesDecided() == 0) {
      return "FCR undefined n=0" + tail;
    }
    Interval ci = fcrInterval(0.95).scaled(100);
    return String.format(java.util.Locale.ROOT, "FCR %.1f%% [%.1f%%, %.1f%%] n=%d, repeat rate "
        + "%.1f%%", 100 * fcr(), ci.lower(), ci.upper(), episodesDecided(),
        100 * repeatContactRate()) + tail;
  }
}
