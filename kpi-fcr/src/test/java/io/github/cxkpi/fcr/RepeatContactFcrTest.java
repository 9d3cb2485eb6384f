package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.fcr.FcrStreams.C;
import io.github.cxkpi.fcr.FcrStreams.Expected;
import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Streaming repeat-contact FCR against the brute-force oracle, on seeded random streams. */
class RepeatContactFcrTest {

  private static RepeatContactDefinition randomDefinition(SplittableRandom rnd) {
    return Fcr.repeatContact()
        .withWindow(rnd.nextBoolean() ? Duration.ofDays(7) : Duration.ofHours(1 + rnd.nextInt(72)))
        .withMode(rnd.nextBoolean() ? EpisodeMode.GAP_CHAINED : EpisodeMode.ANCHORED)
        .withAgentResolvedRequired(rnd.nextBoolean())
        .withAllowedLateness(Duration.ofMinutes(1 + rnd.nextInt(600)));
  }

  private static void assertMatches(Expected e, RepeatContactResult r, String what) {
    assertEquals(e.contacts(), r.contacts(), what + ": contacts");
    assertEquals(e.contacts(), r.contactsDecided(), what + ": all contacts decided");
    assertEquals(e.repeated(), r.contactsRepeated(), what + ": repeated contacts");
    assertEquals(e.episodes(), r.episodesDecided(), what + ": episodes");
    assertEquals(e.resolved(), r.episodesResolved(), what + ": resolved at first contact");
    assertEquals(0, r.episodesPending(), what + ": nothing pending");
    assertEquals(0, r.pendingKeys(), what + ": all state evicted");
  }

  @Test
  void kpisMdExample() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    Instant d0 = Instant.parse("2026-03-01T09:00:00Z");
    a.add("c1", d0, true);
    a.add("c2", d0.plus(Duration.ofDays(1)), true);
    a.add("c1", d0.plus(Duration.ofDays(2)), true);
    a.add("c1", d0.plus(Duration.ofDays(12)), true);
    a.endOfInput();
    RepeatContactResult r = a.result();
    assertEquals(3, r.episodesDecided());
    assertEquals(2, r.episodesResolved());
    assertEquals(2.0 / 3, r.fcr(), 1e-15);
    assertEquals(0.25, r.repeatContactRate(), 1e-15);
    assertEquals(0, r.lateContacts());
  }

  @Test
  void inOrderAndShuffledWithinTheLatenessEqualTheOracle() {
    Seeds.forEach(80, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      List<C> contacts = FcrStreams.contacts(rnd, d.window().toMillis());
      List<C> arrival = FcrStreams.arrival(contacts, rnd,
          rnd.nextBoolean() ? 0 : d.allowedLateness().toMillis());
      RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
      for (C c : arrival) {
        assertTrue(a.add(c.key(), c.instant(), c.resolved()), "not late: " + c);
        RepeatContactResult mid = a.result();
        assertTrue(mid.contactsDecided() <= mid.contacts());
      }
      a.endOfInput();
      assertMatches(FcrStreams.oracle(contacts, d), a.result(), d.toString());
      assertEquals(0, a.result().lateContacts());
    });
  }

  @Test
  void aManualWatermarkGivesTheSameResult() {
    Seeds.forEach(40, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd).withDerivedWatermark(false);
      List<C> contacts = FcrStreams.contacts(rnd, d.window().toMillis());
      List<C> arrival = FcrStreams.arrival(contacts, rnd, 3 * 3_600_000L);
      long[] suffixMin = new long[arrival.size() + 1];
      suffixMin[arrival.size()] = Long.MAX_VALUE;
      for (int i = arrival.size() - 1; i >= 0; i--) {
        suffixMin[i] = Math.min(suffixMin[i + 1], arrival.get(i).t());
      }
      RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
      assertNull(a.watermark());
      for (int i = 0; i < arrival.size(); i++) {
        C c = arrival.get(i);
        assertTrue(a.add(c.key(), c.instant(), c.resolved()));
        if (rnd.nextInt(10) == 0 && suffixMin[i + 1] != Long.MAX_VALUE) {
          // Everything still to come is later: the watermark may move just below it.
          Instant wm = Instant.ofEpochMilli(suffixMin[i + 1] - 1);
          if (a.watermark() == null || !wm.isBefore(a.watermark())) {
            a.advanceWatermark(wm);
          }
        }
      }
      a.endOfInput();
      assertMatches(FcrStreams.oracle(contacts, d), a.result(), d.toString());
    });
  }

  @Test
  void beyondTheLatenessTheLateCountIsExactAndTheRestEqualsTheOracle() {
    Seeds.forEach(60, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      long lateness = d.allowedLateness().toMillis();
      List<C> contacts = FcrStreams.contacts(rnd, d.window().toMillis());
      List<C> arrival = FcrStreams.arrival(contacts, rnd, 1 + 6 * lateness);
      List<C> accepted = new ArrayList<>();
      long expectedLate = 0;
      long max = Long.MIN_VALUE;
      RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
      for (C c : arrival) {
        boolean late = max != Long.MIN_VALUE && c.t() < max - lateness; // strictly before
        if (late) {
          expectedLate++;
        } else {
          accepted.add(c);
        }
        max = Math.max(max, c.t());
        assertEquals(!late, a.add(c.key(), c.instant(), c.resolved()), "late? " + c);
      }
      a.endOfInput();
      RepeatContactResult r = a.result();
      assertEquals(expectedLate, r.lateContacts());
      assertMatches(FcrStreams.oracle(accepted, d), r, d.toString());
    });
  }

  @Test
  void aCheckpointRestoredGivesTheSameFinalResult() {
    Seeds.forEach(40, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      List<C> arrival = FcrStreams.arrival(FcrStreams.contacts(rnd, d.window().toMillis()), rnd,
          3 * d.allowedLateness().toMillis());
      RepeatContactAggregator straight = Fcr.repeatContactAggregator(d);
      RepeatContactAggregator restored = Fcr.repeatContactAggregator(d);
      int cut = rnd.nextInt(arrival.size() + 1);
      for (int i = 0; i < arrival.size(); i++) {
        if (i == cut) {
          byte[] checkpoint = restored.toBytes();
          restored = Fcr.repeatContactFromBytes(checkpoint);
          assertArrayEquals(checkpoint, restored.toBytes(), "round trip");
          assertEquals(straight.result(), restored.result());
        }
        C c = arrival.get(i);
        straight.add(c.key(), c.instant(), c.resolved());
        restored.add(c.key(), c.instant(), c.resolved());
      }
      straight.endOfInput();
      restored.endOfInput();
      assertEquals(straight.result(), restored.result());
      assertArrayEquals(straight.toBytes(), restored.toBytes());
    });
  }

  @Test
  void partitionsByKeyMergeExactly() {
    Seeds.forEach(40, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      List<C> contacts = FcrStreams.contacts(rnd, d.window().toMillis());
      List<C> arrival = FcrStreams.arrival(contacts, rnd, d.allowedLateness().toMillis());
      int parts = 1 + rnd.nextInt(4);
      List<RepeatContactAggregator> aggs = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        aggs.add(Fcr.repeatContactAggregator(d));
      }
      for (C c : arrival) {
        // Each partition sees its own keys in the same order, so none of them is late.
        assertTrue(aggs.get(Math.floorMod(c.key().hashCode(), parts))
            .add(c.key(), c.instant(), c.resolved()));
      }
      RepeatContactAggregator merged = Fcr.repeatContactAggregator(d);
      for (RepeatContactAggregator p : aggs) {
        p.endOfInput();
        merged.merge(Fcr.repeatContactFromBytes(p.toBytes()));
      }
      assertMatches(FcrStreams.oracle(contacts, d), merged.result(), "merged " + parts);
    });
  }

  @Test
  void unprocessedPartsOfAnySplitMergeExactly() {
    // Without a watermark (whole-input use) nothing is processed before the end, so parts split
    // any way at all, keys shared, merge into the one-pass result, in any order and through bytes.
    Seeds.forEach(40, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd).withDerivedWatermark(false);
      List<C> contacts = FcrStreams.contacts(rnd, d.window().toMillis());
      List<C> shuffled = new ArrayList<>(contacts);
      java.util.Collections.shuffle(shuffled, new java.util.Random(rnd.nextLong()));
      int parts = 2 + rnd.nextInt(3);
      List<RepeatContactAggregator> aggs = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        aggs.add(Fcr.repeatContactAggregator(d));
      }
      for (C c : shuffled) {
        assertTrue(aggs.get(rnd.nextInt(parts)).add(c.key(), c.instant(), c.resolved()));
      }
      RepeatContactAggregator merged = Fcr.repeatContactAggregator(d);
      for (int p = parts - 1; p >= 0; p--) {
        merged.merge(rnd.nextBoolean() ? aggs.get(p)
            : Fcr.repeatContactFromBytes(aggs.get(p).toBytes()));
      }
      RepeatContactAggregator onePass = Fcr.repeatContactAggregator(d);
      shuffled.forEach(c -> onePass.add(c.key(), c.instant(), c.resolved()));
      onePass.endOfInput();
      merged.endOfInput();
      assertMatches(FcrStreams.oracle(contacts, d), merged.result(), "merged " + parts);
      assertEquals(onePass.result(), merged.result());
    });
  }

  @Test
  void anAbandonedContactIsNeitherAFirstContactNorARepeat() {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    assertTrue(a.accept(ServiceContact.builder("c1", t).resolvedByAgent(true).build()));
    // The customer called again, gave up in the queue, and never reached an agent.
    assertFalse(a.accept(ServiceContact.builder("c1", t.plus(Duration.ofDays(1)))
        .waitTime(Duration.ofMinutes(3)).abandoned(true).build()));
    assertFalse(a.accept(ServiceContact.builder("c2", t).abandoned(true).build()));
    a.endOfInput();
    RepeatContactResult r = a.result();
    assertEquals(1, r.contacts());
    assertEquals(1, r.episodesDecided());
    assertEquals(1.0, r.fcr(), 0, "the abandoned call is no repeat");
  }

  @Test
  void memoryFollowsTheActiveKeysNotHistory() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int day = 0; day < 200; day++) {
      for (int k = 0; k < 100; k++) {
        a.add("day" + day + "-customer" + k, t.plus(Duration.ofDays(day)).plusSeconds(k), false);
      }
    }
    RepeatContactResult r = a.result();
    assertEquals(20_000, r.contacts());
    // Only the keys within a week of the watermark (8 days of 100 keys) are still held.
    assertTrue(r.pendingKeys() <= 800, "pending keys " + r.pendingKeys());
    assertTrue(r.episodesDecided() >= 19_000);
  }

  @Test
  void caseBasedNeedsTheAgentsMark() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator(Fcr.caseBased());
    Instant t = Instant.parse("2026-05-01T10:00:00Z");
    a.accept(ServiceContact.builder("c1", t).caseId("T-1").resolvedByAgent(true).build());
    a.accept(ServiceContact.builder("c1", t.plusSeconds(60)).caseId("T-2").build());
    a.accept(ServiceContact.builder("c2", t.plusSeconds(90)).caseId("T-3").resolvedByAgent(true)
        .build());
    a.accept(ServiceContact.builder("c2", t.plusSeconds(3600)).caseId("T-3").build());
    a.endOfInput();
    RepeatContactResult r = a.result();
    assertEquals(3, r.episodesDecided(), "three cases");
    assertEquals(1, r.episodesResolved(), "T-1 only: T-2 not marked, T-3 reopened");
    assertFalse(r.isSmallSample() && r.episodesDecided() >= 30);
  }
}
