package io.github.cxkpi.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.spi.KpiTypeTest.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The generic recorder: any aggregator, many writers, snapshots that lose nothing. */
class RecorderTest {
  @Test
  void recordsWhatTheAggregatorAcceptsAndSaysWhatItDoesNot() {
    Recorder<String, Counter> r = Recorder.of(() -> new Counter(3));
    assertTrue(r.record("abc"));
    assertFalse(r.record("ab"), "not this KPI's input: not recorded");
    assertThrows(NullPointerException.class, () -> r.record(null));
    assertEquals(1, r.intervalSnapshot().count());
    assertEquals(0, r.intervalSnapshot().count(), "each input in exactly one snapshot");
    assertEquals(1, r.writerCells());
  }

  @Test
  void aSnapshotIntoAnotherDefinitionIsRefusedBeforeAnythingMoves() {
    Recorder<String, Counter> r = Recorder.of(() -> new Counter(3));
    r.record("abc");
    Counter other = new Counter(4) {
      @Override
      public Counter merge(Counter o) {
        if (o.length != length) {
          throw new IllegalArgumentException("lengths " + length + " and " + o.length);
        }
        return super.merge(o);
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.intervalSnapshot(new Counter(4) {
          @Override
          public Counter copy() {
            return other;
          }
        }));
    assertTrue(e.getMessage().contains("lengths 4 and 3"), e.getMessage());
    Counter into = new Counter(3);
    into.n = 99;
    assertSame(into, r.intervalSnapshot(into), "recycled");
    assertEquals(1, into.count(), "reset, then the interval: the refused snapshot moved nothing");
  }

  /** Refuses to merge while {@code refuse} is set. */
  static final class Touchy extends Counter {
    static volatile boolean refuse;

    Touchy() {
      super(1);
    }

    @Override
    public Counter merge(Counter other) {
      if (refuse && !other.isEmpty()) {
        throw new IllegalArgumentException("refused");
      }
      return super.merge(other);
    }
  }

  @Test
  void aSnapshotThatCannotMergeLosesNothing() throws Exception {
    Recorder<String, Counter> r = Recorder.of(Touchy::new);
    Runnable ten = () -> {
      for (int i = 0; i < 10; i++) {
        r.record("x");
      }
    };
    Thread a = new Thread(ten);
    Thread b = new Thread(ten);
    a.start();
    b.start();
    a.join();
    b.join();
    Touchy.refuse = true;
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          r::intervalSnapshot);
      assertEquals("refused", e.getMessage());
    } finally {
      Touchy.refuse = false;
    }
    r.record("x");
    long total = r.intervalSnapshot().count() + r.intervalSnapshot().count();
    assertEquals(21, total, "every part kept for the snapshots after the failed one");
  }

  @Test
  void manyWritersAndASnapshotterLoseNothing() throws Exception {
    Recorder<String, Counter> r = Recorder.of(() -> new Counter(1));
    int writers = 4;
    int each = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < each; i++) {
          r.record("x");
        }
      });
      t.start();
      threads.add(t);
    }
    long[] snapshotted = new long[1];
    Thread snapshots = new Thread(() -> {
      while (!done.get()) {
        snapshotted[0] += r.intervalSnapshot().count();
      }
    });
    snapshots.start();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    done.set(true);
    snapshots.join();
    long total = snapshotted[0] + r.intervalSnapshot().count();
    assertEquals((long) writers * each, total);
  }
}
