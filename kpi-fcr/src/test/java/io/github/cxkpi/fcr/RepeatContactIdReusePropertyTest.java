package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.fcr.RepeatContactOrderPropertyTest.C;
import io.github.cxkpi.fcr.RepeatContactOrderPropertyTest.Oracle;
import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The interned key table under churn: many keys whose ids are freed when they go idle and
 * reused by others (or by themselves when they come back), a table that grows with a busy phase
 * and empties in a quiet one, checkpoints, copies and a merge of partitions along the way. The
 * result equals the brute-force oracle of {@link RepeatContactOrderPropertyTest}. Seeded: a
 * failure prints the seed, {@code -Dcxkpi.seed=N} replays it.
 */
class RepeatContactIdReusePropertyTest {
  private static final long BASE = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  private static final long SECOND = 1_000;

  private static RepeatContactDefinition definition(SplittableRandom rnd) {
    return Fcr.repeatContact()
        .withWindow(Duration.ofMinutes(5 + rnd.nextInt(60)))
        .withMode(rnd.nextBoolean() ? EpisodeMode.GAP_CHAINED : EpisodeMode.ANCHORED)
        .withAgentResolvedRequired(rnd.nextBoolean())
        .withSameInstant(rnd.nextBoolean()
            ? SameInstantContacts.REPEAT : SameInstantContacts.DUPLICATE)
        .withAllowedLateness(Duration.ofMinutes(rnd.nextInt(20)));
  }

  /**
   * Alternating busy phases (up to thousands of keys, skewed so that some come back often) and
   * quiet ones (a handful of keys, long enough for the others to go idle), in time order with
   * arrival jitter within the lateness, so that no contact is late.
   */
  private static List<C> stream(SplittableRandom rnd, RepeatContactDefinition d) {
    int n = 5_000 + rnd.nextInt(15_000);
    int pool = 100 + rnd.nextInt(3_000);
    int phase = 500 + rnd.nextInt(4_000);
    long step = SECOND * (1 + rnd.nextInt(3));
    long jitter = d.allowedLateness().toMillis();
    List<C> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean busy = (i / phase) % 2 == 0;
      int k = busy ? rnd.nextInt(1 + rnd.nextInt(pool)) : rnd.nextInt(4);
      long t = BASE + i * step + (jitter == 0 ? 0 : rnd.nextLong(jitter + 1));
      out.add(new C("cust-" + k + (k % 7 == 0 ? "-with-a-longer-id" : ""), t,
          rnd.nextInt(3) != 0));
    }
    return out;
  }

  @Test
  void churnWithCheckpointsCopiesAndAMergeEqualsTheOracle() {
    Seeds.forEach(40, rnd -> {
      RepeatContactDefinition d = definition(rnd);
      List<C> contacts = stream(rnd, d);
      // One aggregator over everything, and two partitions by key merged near the end.
      RepeatContactAggregator all = Fcr.repeatContactAggregator(d);
      RepeatContactAggregator[] parts = {
          Fcr.repeatContactAggregator(d), Fcr.repeatContactAggregator(d)};
      int peak = 0;
      int mergeAt = contacts.size() - rnd.nextInt(contacts.size() / 4);
      RepeatContactAggregator merged = null;
      for (int i = 0; i < contacts.size(); i++) {
        C c = contacts.get(i);
        Instant t = Instant.ofEpochMilli(c.t());
        assertTrue(all.add(c.key(), t, c.resolved()), "late at " + i);
        if (merged == null) {
          parts[c.key().hashCode() & 1].add(c.key(), t, c.resolved());
        } else {
          merged.add(c.key(), t, c.resolved());
        }
        peak = Math.max(peak, all.pendingKeys());
        // Ids are reused: never more handed out than keys were ever pending at once (one more
        // inside an add, whose key joins before the watermark it moves evicts others).
        assertTrue(all.keys.idLimit() <= peak + 1, all.keys.idLimit() + " ids, peak " + peak);
        int op = rnd.nextInt(2_000);
        if (op == 0) {
          all = Fcr.repeatContactFromBytes(all.toBytes());
        } else if (op == 1) {
          RepeatContactAggregator copy = all.copy();
          assertEquals(all.result(), copy.result());
          all = copy;
        }
        if (i == mergeAt) {
          merged = parts[0].copy().merge(parts[1]);
        }
      }
      if (merged == null) {
        merged = parts[0].merge(parts[1]);
      }
      RepeatContactResult midway = all.result();
      assertTrue(midway.pendingKeys() > 0 || contacts.isEmpty());
      all.endOfInput();
      merged.endOfInput();
      Oracle o = RepeatContactOrderPropertyTest.oracle(contacts, d);
      assertEquals(new RepeatContactResult(d, o.contacts(), 0, o.decided(), o.repeated(),
          o.episodes(), o.resolved(), 0, 0, o.duplicates()), all.result());
      assertEquals(all.result(), merged.result());
      assertTrue(all.keys.idLimit() <= 16, "the grown table is given back at the end");
    });
  }
}
