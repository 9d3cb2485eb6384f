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
import org.junit.jupiter.api.Test;

/**
 * The interned pending-key table against a HashMap model, with hashes forced to collide and
 * wrap, ids reused and records paged.
 */
class KeyTableTest {
  @Test
  void randomOperationsMatchAHashMapEvenWithCollidingHashes() {
    Seeds.forEach(200, rnd -> {
      KeyTable table = new KeyTable();
      Map<String, Integer> model = new HashMap<>();
      Map<String, Integer> hashOf = new HashMap<>();
      int keys = 1 + rnd.nextInt(200);
      // Few distinct hashes, some near the top of the table so that clusters wrap around.
      int hashes = 1 + rnd.nextInt(8);
      int maxIds = 0;
      for (int op = 0; op < 2000; op++) {
        String key = "k" + rnd.nextInt(keys);
        int hash = hashOf.computeIfAbsent(key, k -> rnd.nextBoolean()
            ? k.hashCode() % hashes : -1 - k.hashCode() % hashes);
        Integer inModel = model.get(key);
        int inTable = table.find(key, hash);
        assertEquals(inModel == null ? -1 : inModel, inTable);
        if (inModel == null) {
          int id = table.add(key, hash);
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
          assertEquals(-1, table.find(key, hash));
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
        assertEquals(e.getValue(), table.find(e.getKey(), hashOf.get(e.getKey())));
        assertEquals(e.getValue(), copy.find(e.getKey(), hashOf.get(e.getKey())));
        table.remove(e.getValue());
      }
      assertEquals(0, table.size());
      assertEquals(model.size(), copy.size());
    });
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

  @Test
  void theHashIsKeyedAndSpreadsKeysThatStringHashCodeCollides() {
    // "Aa" and "BB" have the same String.hashCode, and so do all their concatenations.
    List<String> colliding = new ArrayList<>();
    for (int i = 0; i < 1 << 10; i++) {
      StringBuilder b = new StringBuilder();
      for (int bit = 0; bit < 10; bit++) {
        b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(b.toString());
    }
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
