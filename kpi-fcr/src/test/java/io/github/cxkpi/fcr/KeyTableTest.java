package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pending-key table against a HashMap model, with hashes forced to collide and wrap. */
class KeyTableTest {
  @Test
  void randomOperationsMatchAHashMapEvenWithCollidingHashes() {
    Seeds.forEach(200, rnd -> {
      KeyTable table = new KeyTable();
      Map<String, KeyState> model = new HashMap<>();
      int keys = 1 + rnd.nextInt(200);
      // Few distinct hashes, some near the top of the table so that clusters wrap around.
      int hashes = 1 + rnd.nextInt(8);
      for (int op = 0; op < 2000; op++) {
        String key = "k" + rnd.nextInt(keys);
        int hash = rnd.nextBoolean() ? key.hashCode() % hashes : -1 - key.hashCode() % hashes;
        KeyState inModel = model.get(key);
        KeyState inTable = table.get(key, inModel == null ? hash : inModel.hash);
        assertSame(inModel, inTable);
        if (inModel == null) {
          KeyState s = new KeyState(key, hash);
          table.put(s);
          model.put(key, s);
        } else if (rnd.nextInt(3) > 0) {
          assertTrue(table.holds(inModel));
          table.remove(inModel);
          model.remove(key);
          assertNull(table.get(key, inModel.hash));
        }
        assertEquals(model.size(), table.size());
      }
      Set<KeyState> all = new HashSet<>();
      table.forEach(all::add);
      assertEquals(new HashSet<>(model.values()), all);
      for (KeyState s : model.values()) {
        assertSame(s, table.get(s.key, s.hash));
      }
    });
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
