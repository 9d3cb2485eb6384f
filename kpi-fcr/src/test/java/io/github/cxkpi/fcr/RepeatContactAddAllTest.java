package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RepeatContactAggregator#addAll}: the same as {@code add} one contact at a time, in any
 * split into calls, including late contacts, keys new and known, and a flood of equal
 * hashCodes that switches the key table to SipHash in the middle of a group; bad contacts named
 * by index, with those before them recorded. Seeded (STYLE.md).
 */
class RepeatContactAddAllTest {
  private static final long BASE = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  /** The order property test's definitions, with the watermark derived or left to the end. */
  private static RepeatContactDefinition randomDefinition(SplittableRandom rnd) {
    return RepeatContactOrderPropertyTest.randomDefinition(rnd)
        .withDerivedWatermark(rnd.nextInt(5) != 0);
  }

  @Test
  void anySplitIntoCallsEqualsAddingOneAtATime() {
    List<String> flood = KeyTableTest.colliding(6);
    int[] switched = {0};
    Seeds.forEach(300, rnd -> {
      RepeatContactDefinition d = randomDefinition(rnd);
      int n = rnd.nextInt(rnd.nextBoolean() ? 40 : 3000);
      int keys = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 800);
      boolean flooding = rnd.nextInt(4) == 0;
      String[] key = new String[n];
      long[] millis = new long[n];
      boolean[] resolved = new boolean[n];
      // Roughly in time order with a jitter that sometimes exceeds the lateness (late contacts).
      long jitter = rnd.nextBoolean() ? 0 : rnd.nextLong(1, 90 * MINUTE);
      for (int i = 0; i < n; i++) {
        key[i] = flooding && rnd.nextBoolean()
            ? flood.get(rnd.nextInt(flood.size())) : "c" + rnd.nextInt(keys);
        millis[i] = BASE + i * (MINUTE / 4) + (jitter == 0 ? 0 : rnd.nextLong(jitter));
        resolved[i] = rnd.nextInt(3) != 0;
      }
      RepeatContactAggregator one = Fcr.repeatContactAggregator(d);
      int acceptedOne = 0;
      for (int i = 0; i < n; i++) {
        acceptedOne += one.add(key[i], Instant.ofEpochMilli(millis[i]), resolved[i]) ? 1 : 0;
      }
      RepeatContactAggregator all = Fcr.repeatContactAggregator(d);
      int acceptedAll = 0;
      for (int from = 0; from < n; ) {
        int to = from + (rnd.nextBoolean() ? rnd.nextInt(3) : rnd.nextInt(100));
        to = Math.min(n, to);
        acceptedAll += all.addAll(key, millis, resolved, from, to);
        from = to;
      }
      assertEquals(acceptedOne, acceptedAll);
      assertEquals(one.result(), all.result(), "before the end");
      assertArrayEquals(one.toBytes(), all.toBytes());
      assertEquals(one.keys.isKeyed(), all.keys.isKeyed());
      switched[0] += all.keys.isKeyed() ? 1 : 0;
      one.endOfInput();
      all.endOfInput();
      assertEquals(one.result(), all.result(), "at the end");
    });
    assertTrue(switched[0] > 0, "no case switched its table to SipHash");
  }

  @Test
  void aFloodSwitchesTheTableWithinAGroupAndEveryKeyIsStillFound() {
    // Contacts of 64 keys of one hashCode, all pending (no watermark), in one call: the ninth
    // key's probe sees the flood, within the first group of 16 hashed before the switch.
    List<String> flood = KeyTableTest.colliding(6);
    int n = 4 * flood.size();
    String[] key = new String[n];
    long[] millis = new long[n];
    boolean[] resolved = new boolean[n];
    for (int i = 0; i < n; i++) {
      key[i] = flood.get(i % flood.size());
      millis[i] = BASE + (i / flood.size()) * 3 * MINUTE;
    }
    RepeatContactDefinition d = Fcr.repeatContact().withWindow(Duration.ofMinutes(5))
        .withDerivedWatermark(false);
    RepeatContactAggregator a = Fcr.repeatContactAggregator(d);
    assertEquals(n, a.addAll(key, millis, resolved, 0, n));
    assertTrue(a.keys.isKeyed());
    assertEquals(flood.size(), a.pendingKeys(), "each key held once");
    a.endOfInput();
    RepeatContactResult r = a.result();
    // Each key: contacts 3 minutes apart within a 5-minute window, so one episode, 3 repeats.
    assertEquals(flood.size(), r.episodesDecided());
    assertEquals(0, r.episodesResolved());
    assertEquals(3L * flood.size(), r.contactsRepeated());
  }

  @Test
  void aBadContactIsNamedByIndexAndTheContactsBeforeItAreRecorded() {
    String[] key = {"a", "b", "c", " ", "d", null, "e"};
    long[] millis = new long[key.length];
    for (int i = 0; i < key.length; i++) {
      millis[i] = BASE + i * MINUTE;
    }
    boolean[] resolved = new boolean[key.length];
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> a.addAll(key, millis, resolved, 0, key.length));
    assertTrue(blank.getMessage().startsWith("contact 3: key"), blank.getMessage());
    assertEquals(3, a.count());
    NullPointerException nul = assertThrows(NullPointerException.class,
        () -> a.addAll(key, millis, resolved, 4, key.length));
    assertEquals("keys[5] is null", nul.getMessage());
    assertEquals(4, a.count());

    long[] bad = millis.clone();
    bad[6] = -1;
    key[5] = "f";
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> a.addAll(key, bad, resolved, 5, key.length));
    assertTrue(range.getMessage().startsWith("contact 6: epochMillis -1 (1969-12-31T23:59:59.999Z)"
        + " is outside the accepted range"), range.getMessage());
    assertEquals(5, a.count());
    bad[6] = RepeatContactAggregator.MAX_MILLIS;
    assertThrows(IllegalArgumentException.class, () -> a.addAll(key, bad, resolved, 6, 7));
    // A bad key is named before a bad instant, as add does.
    key[6] = "";
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> a.addAll(key, bad, resolved, 6, 7));
    assertTrue(both.getMessage().startsWith("contact 6: key"), both.getMessage());
    assertEquals(5, a.count());
    assertEquals(0, a.result().lateContacts());
  }

  @Test
  void rangesOutsideTheArraysAndNullArraysAreRefusedBeforeAnythingIsRecorded() {
    String[] key = {"a", "b", "c"};
    long[] millis = {BASE, BASE + 1, BASE + 2};
    boolean[] resolved = new boolean[3];
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    assertThrows(IndexOutOfBoundsException.class, () -> a.addAll(key, millis, resolved, 2, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> a.addAll(key, millis, resolved, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> a.addAll(key, millis, resolved, 0, 4));
    assertThrows(IndexOutOfBoundsException.class,
        () -> a.addAll(key, new long[2], resolved, 0, 3));
    assertThrows(IndexOutOfBoundsException.class,
        () -> a.addAll(key, millis, new boolean[1], 0, 3));
    assertThrows(NullPointerException.class, () -> a.addAll(null, millis, resolved, 0, 3));
    assertThrows(NullPointerException.class, () -> a.addAll(key, null, resolved, 0, 3));
    assertThrows(NullPointerException.class, () -> a.addAll(key, millis, null, 0, 3));
    assertTrue(a.isEmpty());
    assertEquals(0, a.addAll(key, millis, resolved, 1, 1));
    assertEquals(3, a.addAll(key, millis, resolved, 0, 3));
    assertFalse(a.isEmpty());
  }

  @Test
  void checkpointsAndMergesOfAFloodedAndAnOrdinaryTableAgree() {
    List<String> flood = KeyTableTest.colliding(7);
    RepeatContactDefinition d = Fcr.repeatContact().withDerivedWatermark(false);
    RepeatContactAggregator flooded = Fcr.repeatContactAggregator(d);
    RepeatContactAggregator ordinary = Fcr.repeatContactAggregator(d);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < flood.size(); i++) {
      flooded.add(flood.get(i), Instant.ofEpochMilli(BASE + i * MINUTE), true);
      ordinary.add("o" + i, Instant.ofEpochMilli(BASE + i * MINUTE), true);
      all.add(flood.get(i));
      all.add("o" + i);
    }
    assertTrue(flooded.keys.isKeyed());
    assertFalse(ordinary.keys.isKeyed());
    // A checkpoint read adds keys without a find: its probes see the flood too.
    RepeatContactAggregator restored = Fcr.repeatContactFromBytes(flooded.toBytes());
    assertTrue(restored.keys.isKeyed());
    assertArrayEquals(flooded.toBytes(), restored.toBytes());
    // Each side hashes as its own table does; the merge finds every key either way.
    RepeatContactAggregator intoOrdinary = ordinary.copy().merge(flooded);
    RepeatContactAggregator intoFlooded = flooded.copy().merge(ordinary);
    assertEquals(all.size(), intoOrdinary.pendingKeys());
    assertArrayEquals(intoOrdinary.toBytes(), intoFlooded.toBytes());
    // Keys held by both sides (no watermark yet) join, whichever way the tables hash.
    RepeatContactAggregator twice = intoOrdinary.copy().merge(intoFlooded);
    assertEquals(all.size(), twice.pendingKeys());
    twice.endOfInput();
    assertEquals(2L * all.size(), twice.result().contactsDecided());
    assertEquals(all.size(), twice.result().contactsRepeated(), "each key's two copies");
  }
}
