package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a record whose {@code equals} and {@code hashCode} are written out (not generated)
 * against what the generated ones would do: equal exactly when every component is. The
 * variants must change the base in one component each and cover every component, so a
 * component added later without its line in {@code equals} fails here.
 */
public final class RecordEquality {
  private RecordEquality() {}

  /**
   * Checks equals and hashCode of a record type.
   *
   * @param base a valid instance
   * @param variants instances that differ from the base, every component changed alone by at
   *     least one of them
   * @param determined components no valid instance can change alone (they follow from the
   *     others, so equals needs no line for them to be right); variants may change them along
   *     with others
   * @param <R> the record type
   */
  public static <R extends Record> void check(R base, List<R> variants, String... determined) {
    RecordComponent[] components = base.getClass().getRecordComponents();
    R copy = copyOf(base, components);
    assertEquals(base, copy, "a copy of " + base);
    assertEquals(base.hashCode(), copy.hashCode(), "hash of a copy of " + base);
    assertNotEquals(null, base);
    assertNotEquals(base, new Object());
    Set<String> changed = new HashSet<>();
    for (R v : variants) {
      List<String> differ = new ArrayList<>();
      for (RecordComponent c : components) {
        if (!Objects.equals(value(c, base), value(c, v))) {
          differ.add(c.getName());
        }
      }
      assertTrue(!differ.isEmpty(), v + " is no variant of " + base);
      if (differ.size() == 1) {
        changed.addAll(differ);
      }
      assertNotEquals(base, v, "differs in " + differ);
      assertNotEquals(v, base, "differs in " + differ);
      R vc = copyOf(v, components);
      assertEquals(v, vc);
      assertEquals(v.hashCode(), vc.hashCode());
    }
    changed.addAll(List.of(determined));
    for (RecordComponent c : components) {
      assertTrue(changed.contains(c.getName()),
          "no variant changes component " + c.getName() + " alone");
    }
  }

  private static Object value(RecordComponent c, Object r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends Record> R copyOf(R r, RecordComponent[] components) {
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      Object v = value(components[i], r);
      // A fresh String, so that equals does not pass on identity alone.
      values[i] = v instanceof String s ? new String(s.toCharArray()) : v;
    }
    try {
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      return (R) canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
