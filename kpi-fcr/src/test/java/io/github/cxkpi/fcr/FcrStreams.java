package io.github.cxkpi.fcr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random contact streams and the brute-force oracle the streaming FCR must equal. */
final class FcrStreams {
  private FcrStreams() {}

  static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  static final long DAY = Duration.ofDays(1).toMillis();

  /** One contact: key, epoch millis, agent's mark. */
  record C(String key, long t, boolean resolved) {
    Instant instant() {
      return Instant.ofEpochMilli(t);
    }
  }

  /** What the oracle computes. */
  record Expected(long contacts, long repeated, long episodes, long resolved) {}

  /**
   * Contacts of many keys: bursts of repeats, gaps that just meet and just miss the window.
   */
  static List<C> contacts(SplittableRandom rnd, long window) {
    int keys = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 400);
    List<C> out = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      String key = "k" + k;
      long t = BASE + rnd.nextLong(60 * DAY);
      int n = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(12) : rnd.nextInt(3));
      for (int i = 0; i < n; i++) {
        out.add(new C(key, t, rnd.nextInt(3) != 0));
        t += switch (rnd.nextInt(8)) {
          case 0 -> window;               // exactly the window: a repeat
          case 1 -> window + 1;           // just misses
          case 2 -> window - 1;
          case 3 -> 0;                    // same instant
          case 4 -> rnd.nextLong(3 * 3_600_000L);
          case 5 -> window + rnd.nextLong(20 * DAY);
          default -> rnd.nextLong(window);
        };
      }
    }
    return out;
  }

  /** Arrival order: time order shuffled by a jitter in [0, maxJitter). */
  static List<C> arrival(List<C> contacts, SplittableRandom rnd, long maxJitter) {
    List<long[]> keyed = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      long j = maxJitter == 0 ? 0 : rnd.nextLong(maxJitter);
      keyed.add(new long[] {contacts.get(i).t() + j, i});
    }
    keyed.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    List<C> out = new ArrayList<>();
    for (long[] a : keyed) {
      out.add(contacts.get((int) a[1]));
    }
    return out;
  }

  /** The oracle: sort each key's contacts by time and walk them. */
  static Expected oracle(List<C> accepted, RepeatContactDefinition d) {
    long w = d.window().toMillis();
    Map<String, List<C>> byKey = new HashMap<>();
    for (C c : accepted) {
      byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    long repeated = 0;
    long episodes = 0;
    long resolved = 0;
    for (List<C> cs : byKey.values()) {
      cs.sort(Comparator.comparingLong(C::t).thenComparing(C::resolved));
      int first = 0;
      for (int i = 0; i <= cs.size(); i++) {
        if (i < cs.size() - 1 && cs.get(i + 1).t() - cs.get(i).t() <= w) {
          repeated++;
        }
        boolean newEpisode = i == cs.size() || (i > 0
            && (d.mode() == EpisodeMode.GAP_CHAINED
                ? cs.get(i).t() - cs.get(i - 1).t() > w
                : cs.get(i).t() - cs.get(first).t() > w));
        if (i > 0 && newEpisode) {
          episodes++;
          boolean single = i - first == 1;
          if (single && (!d.requireAgentResolved() || cs.get(first).resolved())) {
            resolved++;
          }
          first = i;
        }
      }
    }
    return new Expected(accepted.size(), repeated, episodes, resolved);
  }
}
