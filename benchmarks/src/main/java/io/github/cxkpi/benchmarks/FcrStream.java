package io.github.cxkpi.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A realistic seeded contact stream for FCR benchmarks: {@code keys} customers over 90 days,
 * about 25 % of contacts a repeat within 7 days, in time order with up to 10 minutes of
 * arrival jitter (inside the 1 hour of allowed lateness).
 */
final class FcrStream {
  final String[] keys;
  final Instant[] instants;
  /** The instants in epoch milliseconds: the column {@code addAll} takes. */
  final long[] millis;
  final boolean[] resolved;

  private FcrStream(int n) {
    keys = new String[n];
    instants = new Instant[n];
    millis = new long[n];
    resolved = new boolean[n];
  }

  static FcrStream generate(int customers, int contacts, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] names = new String[customers];
    for (int i = 0; i < customers; i++) {
      names[i] = "cust-" + i;
    }
    long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    long span = Duration.ofDays(90).toMillis();
    long step = span / contacts;
    long[] lastOf = new long[customers];
    FcrStream s = new FcrStream(contacts);
    long jitterMax = Duration.ofMinutes(10).toMillis();
    int c = 0;
    // First contacts spread over the span; a quarter of the time the customer is a recent one.
    int[] recent = new int[4096];
    for (int i = 0; i < contacts; i++) {
      long t = start + i * step + rnd.nextLong(jitterMax);
      int who;
      if (i > 4096 && rnd.nextInt(4) == 0) {
        who = recent[rnd.nextInt(recent.length)];
      } else {
        who = c++ % customers;
      }
      recent[i & 4095] = who;
      lastOf[who] = t;
      s.keys[i] = names[who];
      s.instants[i] = Instant.ofEpochMilli(t);
      s.millis[i] = t;
      s.resolved[i] = rnd.nextInt(5) != 0;
    }
    return s;
  }
}
