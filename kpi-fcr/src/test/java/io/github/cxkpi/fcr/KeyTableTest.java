package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

/**
 * The interned pending-key table against a HashMap model, with hashes forced to collide and
 * wrap, ids reused and records paged.
 */
class KeyTableTest {
  @Test
  void randomOperationsMatchAHashMapEvenWithCollidingHashes() {
    int[] switched = {0};
    Seeds.forEach(200, rnd -> {
      KeyTable table = new KeyTable();
      Map<String, Integer> model = new HashMap<>();
      Map<String, Integer> forced = new HashMap<>();
      int keys = 1 + rnd.nextInt(200);
      // Few distinct hashes, some near the top of the table so that clusters wrap around. Once
      // a probe meets 8 keys of one hash, the table hashes with SipHash, and so do we.
      int hashes = 1 + rnd.nextInt(8);
      ToIntBiFunction<KeyTable, String> hashOf = (t, k) -> t.isKeyed() ? t.keyHash(k)
          : forced.computeIfAbsent(k, x -> rnd.nextBoolean()
              ? x.hashCode() % hashes : -1 - x.hashCode() % hashes);
      int maxIds = 0;
      for (int op = 0; op < 2000; op++) {
        String key = "k" + rnd.nextInt(keys);
        int hash = hashOf.applyAsInt(table, key);
        Integer inModel = model.get(key);
        int inTable = table.find(key, hash);
        assertEquals(inModel == null ? -1 : inModel, inTable);
        if (inModel == null) {
          int id = table.add(key, hash); // hashed again by the table if this find saw a flood
          assertFalse(model.containsValue(id), "id " + id + " handed out twice");
          assertEquals(KeyState.NONE, table.word(id, KeyState.PREV));
          assertEquals(0, table.word(id, KeyState.STATE));
          table.setWord(id, KeyState.STATE, id * KeyState.SIZE_ONE);
          model.put(key, id);
        } else if (rnd.nextInt(3) > 0) {
          assertTrue(table.isLive(inModel));
          assertEquals(inModel * KeyState.SIZE_ONE, table.word(inModel, KeyState.STATE));
          table.remove(inModel);
          model.remove(key);
          assertEquals(-1, table.find(key, hashOf.applyAsInt(table, key)));
          assertFalse(table.isLive(inModel));
        }
        assertEquals(model.size(), table.size());
        maxIds = Math.max(maxIds, model.size());
        // Ids of removed keys are reused: the ids handed out stay within the peak of keys.
        assertTrue(table.idLimit() <= maxIds, table.idLimit() + " ids for " + maxIds + " keys");
      }
      Set<Integer> live = new HashSet<>();
      for (int id : table.ids()) {
        live.add(id);
        assertEquals(model.get(table.key(id)), id);
      }
      assertEquals(new HashSet<>(model.values()), live);
      KeyTable copy = table.copy();
      for (Map.Entry<String, Integer> e : model.entrySet()) {
        assertEquals(e.getValue(), table.find(e.getKey(), hashOf.applyAsInt(table, e.getKey())));
        assertEquals(e.getValue(), copy.find(e.getKey(), hashOf.applyAsInt(copy, e.getKey())));
        table.remove(e.getValue());
      }
      assertEquals(0, table.size());
      assertEquals(model.size(), copy.size());
      assertEquals(table.isKeyed(), copy.isKeyed());
      switched[0] += table.isKeyed() ? 1 : 0;
    });
    assertTrue(switched[0] > 0 && switched[0] < 200, switched[0] + " of 200 cases switched");
  }

  @Test
  void idsBeyondTheFirstPageKeepTheirRecords() {
    KeyTable table = new KeyTable();
    int n = 20_000; // more than two pages of records
    for (int i = 0; i < n; i++) {
      int id = table.add("k" + i, KeyTable.hash("k" + i));
      assertEquals(i, id);
      table.setWord(id, KeyState.FIRST, i);
    }
    for (int i = 0; i < n; i += 2) {
      table.remove(table.find("k" + i, KeyTable.hash("k" + i)));
    }
    for (int i = 1; i < n; i += 2) {
      int id = table.find("k" + i, KeyTable.hash("k" + i));
      assertEquals(i, id);
      assertEquals(i, table.word(id, KeyState.FIRST));
    }
    assertEquals(n / 2, table.size());
    for (int i = 0; i < n / 2; i++) {
      table.add("again" + i, KeyTable.hash("again" + i));
    }
    assertEquals(n, table.idLimit(), "freed ids are reused before new ones");
  }

  /** 2^bits keys of one String.hashCode: "Aa" and "BB" share one, and so do their joins. */
  static List<String> colliding(int bits) {
    List<String> colliding = new ArrayList<>();
    for (int i = 0; i < 1 << bits; i++) {
      StringBuilder b = new StringBuilder();
      for (int bit = 0; bit < bits; bit++) {
        b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(b.toString());
    }
    return colliding;
  }

  @Test
  void aFloodOfEqualHashCodesSwitchesTheTableToSipHashAndLosesNoKey() {
    KeyTable table = new KeyTable();
    List<String> flood = colliding(12);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < flood.size(); i++) {
      String key = flood.get(i);
      int hash = table.keyHash(key);
      assertEquals(-1, table.find(key, hash));
      ids.put(key, table.add(key, hash));
      // Eight keys of one hash make a probe pass eight: the ninth's find sees the flood, and
      // its add switches the table.
      assertEquals(i >= 8, table.isKeyed(), "keyed after " + (i + 1) + " keys");
      if (i > 100 && i % 3 == 0) {
        table.remove(ids.remove(key));
      }
    }
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      assertEquals(e.getValue(), table.find(e.getKey(), table.keyHash(e.getKey())));
    }
    assertEquals(ids.size(), table.size());
    // Under SipHash the flood spreads: few keys share a hash.
    Set<Integer> hashes = new HashSet<>();
    for (String key : flood) {
      hashes.add(table.keyHash(key));
    }
    assertTrue(hashes.size() > flood.size() - 16, hashes.size() + " distinct hashes");
  }

  @Test
  void ordinaryKeysStayOnTheirHashCodes() {
    KeyTable table = new KeyTable();
    for (int i = 0; i < 300_000; i++) {
      String key = (i % 3 == 0 ? "cust-" : i % 3 == 1 ? "C" : "user@example.com#") + i;
      int hash = table.keyHash(key);
      assertEquals(-1, table.find(key, hash));
      table.add(key, hash);
    }
    assertFalse(table.isKeyed());
    // Distinct hashCodes give distinct hashes (the mix is a bijection).
    assertNotEquals(table.keyHash("abc"), table.keyHash("abd"));
    assertEquals(table.keyHash("same"), table.keyHash(new String("same")));
  }

  @Test
  void theHashIsKeyedAndSpreadsKeysThatStringHashCodeCollides() {
    List<String> colliding = colliding(10);
    Set<Integer> stringHashes = new HashSet<>();
    Set<Integer> tableHashes = new HashSet<>();
    for (String s : colliding) {
      stringHashes.add(s.hashCode());
      tableHashes.add(KeyTable.hash(s));
    }
    assertEquals(1, stringHashes.size());
    assertTrue(tableHashes.size() > 1000, "distinct keyed hashes " + tableHashes.size());
    assertNotEquals(KeyTable.hash("abc"), KeyTable.hash("abd"));
    assertEquals(KeyTable.hash("same"), KeyTable.hash(new String("same")));
  }
}
