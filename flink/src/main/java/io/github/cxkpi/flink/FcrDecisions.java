package io.github.cxkpi.flink;

import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Proportions;

/**
 * What repeat-contact FCR decided for one key at one moment of event time: counts to be summed
 * downstream (per window, per segment, in total).
 *
 * @param key the FCR key
 * @param contactsDecided contacts whose repeat status became final
 * @param contactsRepeated of those, the ones followed by a repeat within the window
 * @param episodesDecided episodes whose FCR status became final
 * @param episodesResolved of those, the ones resolved at first contact
 * @since 0.1.0
 */
public record FcrDecisions(String key, long contactsDecided, long contactsRepeated,
    long episodesDecided, long episodesResolved) {

  /**
   * The sum of two (for a reduce); the key of the first is kept.
   *
   * @param other the other decisions
   * @return the sum
   */
  public FcrDecisions plus(FcrDecisions other) {
    return new FcrDecisions(key, contactsDecided + other.contactsDecided,
        contactsRepeated + other.contactsRepeated, episodesDecided + other.episodesDecided,
        episodesResolved + other.episodesResolved);
  }

  /**
   * FCR of these decisions: episodes resolved at first contact / episodes decided.
   *
   * @return the share
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
}
