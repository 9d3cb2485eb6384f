package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every mergeable, serializable aggregator satisfies (STYLE.md, lesson 10):
 * one by one == bulk == random split and merge == a brute-force oracle; merging with an empty
 * aggregator is the identity; merge order does not matter; bytes round trip; and no changed,
 * truncated or extended frame decodes. Seeded: the seed is printed on failure.
 *
 * @param <A> the aggregator
 * @param <I> one input item
 * @param <R> the result compared
 */
public abstract class AggregatorContract<A, I, R> {

  /** How many random cases each property runs. */
  protected int trials() {
    return 60;
  }

  /** An empty aggregator. */
  protected abstract A empty();

  /** A random input item (including the occasional edge case). */
  protected abstract I randomItem(SplittableRandom rnd);

  /** Records one item. */
  protected abstract void add(A aggregator, I item);

  /** Records items through the bulk path (or the closest thing the aggregator has). */
  protected abstract void addAll(A aggregator, List<I> items);

  /** Merges {@code other} into {@code into}; returns {@code into}. */
  protected abstract A merge(A into, A other);

  /** Serializes. */
  protected abstract byte[] toBytes(A aggregator);

  /** Deserializes. */
  protected abstract A fromBytes(byte[] bytes);

  /** The aggregator's result. */
  protected abstract R result(A aggregator);

  /** The result computed by brute force from the items, without the aggregator. */
  protected abstract R oracle(List<I> items);

  /**
   * Asserts that two results are equal; override to allow for floating-point rounding in
   * weighted sums (counts must stay exact).
   */
  protected void assertSameResult(R expected, R actual, String context) {
    assertEquals(expected, actual, context);
  }

  /** A random list of items of random length, sometimes empty, sometimes long. */
  protected List<I> randomItems(SplittableRandom rnd) {
    int n = switch (rnd.nextInt(6)) {
      case 0 -> 0;
      case 1 -> 1 + rnd.nextInt(3);
      case 2 -> rnd.nextInt(2000);
      default -> rnd.nextInt(200);
    };
    List<I> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(randomItem(rnd));
    }
    return items;
  }

  private A oneByOne(List<I> items) {
    A a = empty();
    for (I item : items) {
      add(a, item);
    }
    return a;
  }

  private A splitAndMerge(List<I> items, SplittableRandom rnd) {
    int parts = 1 + rnd.nextInt(6);
    List<A> aggs = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      aggs.add(empty());
    }
    for (I item : items) {
      add(aggs.get(rnd.nextInt(parts)), item);
    }
    A result = empty();
    for (A a : aggs) {
      merge(result, a);
    }
    return result;
  }

  @Test
  void oneByOneEqualsBulkEqualsSplitMergeEqualsOracle() {
    Seeds.forEach(trials(), rnd -> {
      List<I> items = randomItems(rnd);
      R expected = oracle(items);
      assertSameResult(expected, result(oneByOne(items)), "one by one vs oracle");
      A bulk = empty();
      addAll(bulk, items);
      assertSameResult(expected, result(bulk), "bulk vs oracle");
      assertSameResult(expected, result(splitAndMerge(items, rnd)), "split + merge vs oracle");
    });
  }

  @Test
  void mergeWithEmptyIsIdentity() {
    Seeds.forEach(trials(), rnd -> {
      List<I> items = randomItems(rnd);
      A a = oneByOne(items);
      byte[] before = toBytes(a);
      merge(a, empty());
      assertArrayEquals(before, toBytes(a), "a + empty");
      A e = empty();
      merge(e, oneByOne(items));
      assertSameResult(result(oneByOne(items)), result(e), "empty + a");
    });
  }

  @Test
  void mergeIsCommutativeAndAssociative() {
    Seeds.forEach(trials(), rnd -> {
      A a = oneByOne(randomItems(rnd));
      A b = oneByOne(randomItems(rnd));
      A c = oneByOne(randomItems(rnd));
      byte[] ab = toBytes(merge(fromBytes(toBytes(a)), b));
      byte[] ba = toBytes(merge(fromBytes(toBytes(b)), a));
      assertSameResult(result(fromBytes(ab)), result(fromBytes(ba)), "a + b vs b + a");
      A left = merge(merge(fromBytes(toBytes(a)), b), c);
      A right = merge(fromBytes(toBytes(a)), merge(fromBytes(toBytes(b)), c));
      assertSameResult(result(left), result(right), "(a + b) + c vs a + (b + c)");
      List<A> order = new ArrayList<>(List.of(a, b, c));
      Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
      A shuffled = empty();
      for (A x : order) {
        merge(shuffled, x);
      }
      assertSameResult(result(left), result(shuffled), "shuffled merge order");
    });
  }

  /**
   * What the aggregator hands its users as a result (an immutable record); by default
   * {@link #result}.
   */
  protected Object publishedResult(A aggregator) {
    return result(aggregator);
  }

  /**
   * A result is a snapshot: readers on other threads see it unchanged while the aggregator it
   * came from goes on recording (the aggregator itself stays on one thread).
   */
  @Test
  void aResultIsAnImmutableSnapshotForOtherThreads() throws Exception {
    SplittableRandom rnd = new SplittableRandom(42);
    List<I> items = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      items.add(randomItem(rnd));
    }
    A a = oneByOne(items);
    Object published = publishedResult(a);
    Object expected = publishedResult(fromBytes(toBytes(a)));
    String text = expected.toString();
    java.util.concurrent.ExecutorService readers =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
      List<java.util.concurrent.Future<Long>> reads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        reads.add(readers.submit(() -> {
          long n = 0;
          do {
            assertEquals(expected, published);
            assertEquals(text, published.toString());
            n++;
          } while (!stop.get());
          return n;
        }));
      }
      for (int i = 0; i < 20_000; i++) {
        add(a, randomItem(rnd));
      }
      stop.set(true);
      for (java.util.concurrent.Future<Long> f : reads) {
        assertTrue(f.get() > 0);
      }
    } finally {
      readers.shutdownNow();
    }
    assertEquals(expected, published);
  }

  @Test
  void bytesRoundTrip() {
    Seeds.forEach(trials(), rnd -> {
      List<I> items = randomItems(rnd);
      A a = oneByOne(items);
      byte[] bytes = toBytes(a);
      A back = fromBytes(bytes);
      assertArrayEquals(bytes, toBytes(back), "bytes after a round trip");
      assertSameResult(result(a), result(back), "result after a round trip");
    });
  }

  @Test
  void everyChangedTruncatedOrExtendedFrameIsRejected() {
    Seeds.forEach(Math.max(3, trials() / 10), rnd -> {
      List<I> items = randomItems(rnd);
      if (items.size() > 300) {
        items = items.subList(0, 300);
      }
      byte[] bytes = toBytes(oneByOne(items));
      for (int i = 0; i < bytes.length; i++) {
        byte[] changed = bytes.clone();
        changed[i] ^= (byte) (1 + rnd.nextInt(255));
        assertRejected(changed, "byte " + i + " changed");
      }
      for (int len = 0; len < bytes.length; len++) {
        assertRejected(Arrays.copyOf(bytes, len), "truncated to " + len);
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + rnd.nextInt(8));
      assertRejected(longer, "extended");
      byte[] noise = new byte[rnd.nextInt(64)];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = (byte) rnd.nextInt(256);
      }
      assertRejected(noise, "random bytes");
    });
  }

  @Test
  void mutatedPayloadsWithAValidChecksumDecodeOrFailCleanly() {
    Seeds.forEach(Math.max(3, trials() / 10), rnd -> {
      List<I> items = randomItems(rnd);
      if (items.size() > 300) {
        items = items.subList(0, 300);
      }
      byte[] bytes = toBytes(oneByOne(items));
      for (int trial = 0; trial < 300; trial++) {
        byte[] mutated = Frames.mutatePayload(bytes, rnd);
        try {
          A decoded = fromBytes(mutated);
          result(decoded); // whatever decodes must be usable
        } catch (CodecException expected) {
          assertNotNull(expected.getMessage());
        }
      }
    });
  }

  private void assertRejected(byte[] bytes, String what) {
    CodecException e = assertThrows(CodecException.class, () -> fromBytes(bytes), what);
    assertNotNull(e.getMessage(), what);
    assertFalse(e.getMessage().isBlank(), what);
  }

  @Test
  void nullBytesAreANullPointerException() {
    assertThrows(NullPointerException.class, () -> fromBytes(null));
    assertTrue(toBytes(empty()).length > 0);
  }
}
