package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.fcr.internal.RepeatContactFcrKpiProvider;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiOptions;
import io.github.cxkpi.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, done-criterion 2: repeat-contact FCR is the same for the same set of contacts in
 * any order (whole input), in any order in which no contact is late (with a lateness), and
 * equals a brute-force oracle of KPIS.md's definition; beyond the lateness, late contacts are
 * counted exactly and the rest still equals the oracle. Seeded (STYLE.md): a failure prints
 * the seed, {@code -Dcxkpi.seed=N} replays it.
 */
class RepeatContactOrderPropertyTest {
  private static final long BASE = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  /** One contact: key, epoch millis, the agent's mark. */
  record C(String key, long t, boolean resolved) {}

  /** What KPIS.md's repeat-contact FCR says, computed the obvious way. */
  record Oracle(long contacts, long duplicates, long decided, long repeated, long episodes,
      long resolved) {}

  /**
   * The oracle: per key, the contacts in time order (same instant: not-resolved first, as the
   * aggregator documents; the order of equal contacts cannot matter). DUPLICATE folds each
   * instant's contacts into one, marked resolved if any copy is. A contact is repeated when a
   * later one of its key comes within the window (inclusive); episodes are cut where a gap
   * (gap-chained) or the distance from the episode's first contact (anchored) exceeds the
   * window; an episode is resolved at first contact when it has one contact (and, if
   * required, that contact is marked resolved).
   */
  static Oracle oracle(List<C> contacts, RepeatContactDefinition d) {
    long w = d.window().toMillis();
    Map<String, List<C>> byKey = new LinkedHashMap<>();
    for (C c : contacts) {
      byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    long duplicates = 0;
    long decided = 0;
    long repeated = 0;
    long episodes = 0;
    long resolved = 0;
    for (List<C> list : byKey.values()) {
      List<C> cs = new ArrayList<>(list);
      cs.sort(Comparator.comparingLong(C::t).thenComparing(C::resolved));
      if (d.sameInstant() == SameInstantContacts.DUPLICATE) {
        List<C> folded = new ArrayList<>();
        for (C c : cs) {
          C last = folded.isEmpty() ? null : folded.get(folded.size() - 1);
          if (last != null && last.t() == c.t()) {
            folded.set(folded.size() - 1, new C(c.key(), c.t(), last.resolved() || c.resolved()));
            duplicates++;
          } else {
            folded.add(c);
          }
        }
        cs = folded;
      }
      decided += cs.size();
      for (int i = 0; i < cs.size(); i++) {
        for (int j = i + 1; j < cs.size(); j++) {
          if (cs.get(j).t() - cs.get(i).t() <= w) {
            repeated++;
            break;
          }
        }
      }
      int first = 0;
      while (first < cs.size()) {
        int end = first + 1;
        while (end < cs.size() && (d.mode() == EpisodeMode.GAP_CHAINED
            ? cs.get(end).t() - cs.get(end - 1).t() <= w
            : cs.get(end).t() - cs.get(first).t() <= w)) {
          end++;
        }
        episodes++;
        if (end - first == 1 && (!d.requireAgentResolved() || cs.get(first).resolved())) {
          resolved++;
        }
        first = end;
      }
    }
    return new Oracle(contacts.size(), duplicates, decided, repeated, episodes, resolved);
  }

  static RepeatContactDefinition randomDefinition(SplittableRandom rnd) {
    return Fcr.repeatContact()
        .withWindow(Duration.ofMinutes(1 + rnd.nextInt(90)))
        .withMode(rnd.nextBoolean() ? EpisodeMode.GAP_CHAINED : EpisodeMode.ANCHORED)
        .withAgentResolvedRequired(rnd.nextBoolean())
        .withSameInstant(rnd.nextBoolean()
            ? SameInstantContacts.REPEAT : SameInstantContacts.DUPLICATE)
        .withAllowedLateness(Duration.ofMinutes(rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(240)));
  }

  /** Few keys and a coarse time grid: many collisions, equal instants, gaps of exactly W. */
  private static List<C> randomContacts(SplittableRandom rnd, RepeatContactDefinition d) {
    int keys = 1 + rnd.nextInt(6);
    int n = rnd.nextInt(80);
    long unit = rnd.nextBoolean() ? MINUTE : d.window().toMillis();
    int span = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 300);
    List<C> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new C("k" + rnd.nextInt(keys), BASE + unit * rnd.nextInt(span),
          rnd.nextInt(3) != 0));
    }
    return out;
  }

  private static List<C> shuffled(List<C> contacts, SplittableRandom rnd) {
    List<C> out = new ArrayList<>(contacts);
    Collections.shuffle(out, new java.util.Random(rnd.nextLong()));
    return out;
  }

  private static List<C> sorted(List<C> contacts) {
    List<C> out = new ArrayList<>(contacts);
    out.sort(Comparator.comparingLong(C::t));
    return out;
  }

  private static RepeatContactAggregator run(RepeatContactDefinition d, List<C> arrival) {
    RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
    for (C c : arrival) {
      a.add(c.key(), Instant.ofEpochMilli(c.t()), c.resolved());
    }
    a.endOfInput();
    return a;
  }

  private static void assertOracle(Oracle o, RepeatContactResult r, long late) {
    assertEquals(new RepeatContactResult(r.definition(), o.contacts(), late, o.decided(),
        o.repeated(), o.episodes(), o.resolved(), 0, 0, o.duplicates()), r);
  }

  private static byte[] streamed(RepeatContactAggregator a) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      a.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void wholeInputAnyOrderEqualsSortedAndTheOracle() {
    Seeds.forEach(400, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd).withDerivedWatermark(false);
      List<C> contacts = randomContacts(rnd, d);
      RepeatContactAggregator inOrder = run(d, sorted(contacts));
      RepeatContactAggregator anyOrder = run(d, shuffled(contacts, rnd));
      assertEquals(inOrder.result(), anyOrder.result(), d.toString());
      assertOracle(oracle(contacts, d), anyOrder.result(), 0);
      assertArrayEquals(inOrder.toBytes(), anyOrder.toBytes());
    });
  }

  @Test
  void wholeInputAnyOrderThroughAStreamedCheckpointAndPartitionsByKey() {
    Seeds.forEach(200, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd).withDerivedWatermark(false);
      List<C> contacts = randomContacts(rnd, d);
      List<C> arrival = shuffled(contacts, rnd);
      int cut = rnd.nextInt(arrival.size() + 1);
      RepeatContactAggregator[] parts = {
          Fcr.repeatContactAggregator(d), Fcr.repeatContactAggregator(d)};
      for (int i = 0; i < arrival.size(); i++) {
        if (i == cut) {
          // A streamed checkpoint: the same bytes as toBytes, read back from the stream.
          byte[] bytes = streamed(parts[0]);
          assertArrayEquals(parts[0].toBytes(), bytes);
          try {
            parts[0] = Fcr.repeatContactFromStream(new ByteArrayInputStream(bytes));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        C c = arrival.get(i);
        parts[Math.floorMod(c.key().hashCode(), 2)]
            .add(c.key(), Instant.ofEpochMilli(c.t()), c.resolved());
      }
      RepeatContactAggregator ab = parts[0].copy().merge(parts[1]);
      RepeatContactAggregator ba = parts[1].copy().merge(parts[0]);
      ab.endOfInput();
      ba.endOfInput();
      assertEquals(ab.result(), ba.result());
      assertOracle(oracle(contacts, d), ab.result(), 0);
    });
  }

  @Test
  void withLatenessAnyOrderWithoutLateContactsEqualsSortedAndTheOracle() {
    Seeds.forEach(400, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      long lateness = d.allowedLateness().toMillis();
      List<C> contacts = randomContacts(rnd, d);
      // Arrival = instant + a jitter in [0, L], ties in random order: a contact then never
      // arrives after one more than L later than it, so none is late (late is strictly before
      // the largest instant seen minus L).
      List<C> pre = shuffled(contacts, rnd);
      List<long[]> keyed = new ArrayList<>();
      for (int i = 0; i < pre.size(); i++) {
        keyed.add(new long[] {pre.get(i).t() + rnd.nextLong(lateness + 1), i});
      }
      keyed.sort(Comparator.comparingLong(k -> k[0]));
      RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
      for (long[] k : keyed) {
        C c = pre.get((int) k[1]);
        assertTrue(a.add(c.key(), Instant.ofEpochMilli(c.t()), c.resolved()), "late: " + c);
      }
      a.endOfInput();
      RepeatContactAggregator inOrder = run(d, sorted(contacts));
      assertEquals(inOrder.result(), a.result(), d.toString());
      assertOracle(oracle(contacts, d), a.result(), 0);
    });
  }

  @Test
  void withLatenessAnyOrderCountsEveryLateContactAndTheRestEqualsTheOracle() {
    Seeds.forEach(400, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      long lateness = d.allowedLateness().toMillis();
      List<C> arrival = shuffled(randomContacts(rnd, d), rnd);
      List<C> accepted = new ArrayList<>();
      long late = 0;
      long max = Long.MIN_VALUE;
      RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
      for (C c : arrival) {
        boolean isLate = max != Long.MIN_VALUE && c.t() < max - lateness;
        max = Math.max(max, c.t());
        assertEquals(!isLate, a.add(c.key(), Instant.ofEpochMilli(c.t()), c.resolved()));
        if (isLate) {
          late++;
        } else {
          accepted.add(c);
        }
      }
      a.endOfInput();
      assertOracle(oracle(accepted, d), a.result(), late);
      assertEquals(arrival.size(), a.result().contacts() + a.result().lateContacts());
    });
  }

  @Test
  void theIssuesExampleIsTwoEpisodesAndHalfResolved() {
    Instant day = Instant.parse("2026-03-02T00:00:00Z");
    List<String[]> input = List.of(new String[] {"a", "10"}, new String[] {"b", "8"},
        new String[] {"b", "9"});
    RepeatContactAggregator a =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withDerivedWatermark(false));
    for (String[] c : input) {
      a.add(c[0], day.plus(Duration.ofHours(Long.parseLong(c[1]))), false);
    }
    a.endOfInput();
    RepeatContactResult r = a.result();
    assertEquals(2, r.episodesDecided());
    assertEquals(1, r.episodesResolved());
    assertEquals(0.5, r.fcr(), 0.0);
    assertEquals(0, r.lateContacts());
    // Through the SPI, as a report over a file runs it: the whole input decides.
    KpiAggregator spi = new RepeatContactFcrKpiProvider().newAggregator(KpiOptions.wholeInput());
    for (String[] c : input) {
      spi.accept(ServiceContact.builder(c[0], day.plus(Duration.ofHours(Long.parseLong(c[1]))))
          .build());
    }
    spi.endOfInput();
    assertEquals(50.0, spi.summary(0.95).value(), 1e-12);
  }

  @Test
  void equalInstantsAreNeverLateWithZeroLateness() {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    KpiAggregator spi =
        new RepeatContactFcrKpiProvider().newAggregator(KpiOptions.allowedLateness(Duration.ZERO));
    for (int i = 0; i < 100; i++) {
      assertTrue(spi.accept(ServiceContact.builder("c" + i, t).build()), "contact " + i);
    }
    spi.endOfInput();
    assertEquals(100, spi.count());
    RepeatContactAggregator a =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withAllowedLateness(Duration.ZERO));
    a.add("x", t, false);
    assertTrue(a.add("y", t, false), "same instant as the latest: not late");
    assertEquals(false, a.add("z", t.minusMillis(1), false), "1 ms before: late");
    assertEquals(1, a.result().lateContacts());
  }

  @Test
  void sameInstantIsARepeatByDefaultAndOneContactAsDuplicate() {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    for (SameInstantContacts mode : SameInstantContacts.values()) {
      RepeatContactAggregator a = Fcr.repeatContactAggregator(Fcr.repeatContact()
          .withAgentResolvedRequired(true).withSameInstant(mode));
      a.add("c", t, true);
      a.add("c", t, false);
      a.endOfInput();
      RepeatContactResult r = a.result();
      assertEquals(1, r.episodesDecided(), mode.name());
      if (mode == SameInstantContacts.REPEAT) {
        assertEquals(0, r.episodesResolved(), "the customer came twice");
        assertEquals(1, r.contactsRepeated());
        assertEquals(2, r.contactsDecided());
        assertEquals(0, r.duplicateContacts());
      } else {
        assertEquals(1, r.episodesResolved(), "one contact, marked resolved by one copy");
        assertEquals(0, r.contactsRepeated());
        assertEquals(1, r.contactsDecided());
        assertEquals(1, r.duplicateContacts());
      }
      assertEquals(2, r.contacts());
    }
    assertEquals(SameInstantContacts.REPEAT, Fcr.repeatContact().sameInstant());
  }
}
