package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.spi.Aggregator;
import java.util.function.Supplier;

/** The common {@link Aggregator} vocabulary, checked the same way for every KPI's aggregator. */
public final class Vocabulary {
  private Vocabulary() {}

  /**
   * Checks copy, merge, reset, count, isEmpty, result and toBytes against each other.
   *
   * @param <I> the interaction
   * @param <A> the aggregator
   * @param <R> the result
   * @param filled an aggregator holding something; it is reset at the end
   * @param empty makes an empty aggregator of the same definition
   */
  public static <I, A extends Aggregator<I, A, R>, R> void assertCommonVocabulary(A filled,
      Supplier<A> empty) {
    assertTrue(!filled.isEmpty() && filled.count() > 0, "the aggregator holds something");
    R before = filled.result();
    A copy = filled.copy();
    assertNotSame(filled, copy);
    assertEquals(before, copy.result());
    assertArrayEquals(filled.toBytes(), copy.toBytes());
    assertSame(filled, filled.merge(empty.get()), "merge returns this aggregator");
    assertEquals(before, filled.result(), "merging an empty aggregator changes nothing");
    A fresh = empty.get();
    assertSame(fresh, fresh.merge(copy));
    assertEquals(before, fresh.result(), "empty + copy = copy");
    assertSame(filled, filled.reset(), "reset returns this aggregator");
    assertTrue(filled.isEmpty());
    assertEquals(0, filled.count());
    assertEquals(empty.get().result(), filled.result());
    assertArrayEquals(empty.get().toBytes(), filled.toBytes(), "reset is as new");
    assertEquals(before, copy.result(), "the copy is independent");
  }
}
