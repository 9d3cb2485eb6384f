package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Several writer threads and a snapshotting thread: the snapshots add up to what was written. */
class NpsRecorderTest {

  @Test
  void snapshotsLoseNothing() throws Exception {
    Seeds.forEach(3, rnd -> {
      try {
        run(rnd.nextLong(), 4, 200_000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void run(long seed, int writers, int perWriter) throws InterruptedException {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    long[][] written = new long[writers][11];
    long[] blanks = new long[writers];
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        SplittableRandom r = new SplittableRandom(seed + id);
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perWriter; i++) {
          int s = r.nextInt(12);
          if (s == 11) {
            recorder.recordBlank();
            blanks[id]++;
          } else {
            recorder.record(s);
            written[id][s]++;
          }
        }
      });
      threads.add(th);
      th.start();
    }
    NpsAggregator total = Nps.aggregator();
    List<Long> sizes = new ArrayList<>();
    Thread snapshotter = new Thread(() -> {
      NpsAggregator recycled = null;
      // At least three snapshots, however the scheduler runs the writers.
      while (!done.get() || sizes.size() < 3) {
        NpsAggregator snap = recorder.intervalSnapshot(recycled);
        sizes.add(snap.count() + snap.blankCount());
        total.merge(snap);
        recycled = snap;
      }
    });
    snapshotter.start();
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    done.set(true);
    snapshotter.join();
    total.merge(recorder.intervalSnapshot());
    long[] expected = new long[11];
    long expectedBlanks = 0;
    for (int t = 0; t < writers; t++) {
      for (int s = 0; s < 11; s++) {
        expected[s] += written[t][s];
      }
      expectedBlanks += blanks[t];
    }
    assertArrayEquals(expected, total.histogram().counts(), "seed " + seed);
    assertEquals(expectedBlanks, total.blankCount(), "seed " + seed);
    assertTrue(sizes.size() > 1, "several snapshots were taken: " + sizes.size());
    assertTrue(recorder.intervalSnapshot().isEmpty(), "nothing left after the last snapshot");
  }

  @Test
  void weightedRecordsAndDeadThreads() throws InterruptedException {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    Thread t = new Thread(() -> {
      recorder.record(10, 2.0);
      recorder.record(0);
    });
    t.start();
    t.join();
    NpsAggregator snap = recorder.intervalSnapshot();
    assertEquals(2, snap.count());
    assertEquals(100.0 / 3, snap.result().score(), 1e-12);
    assertTrue(recorder.intervalSnapshot().isEmpty());
  }

  @Test
  void aSnapshotIntoAnotherDefinitionIsRefusedBeforeAnythingMoves() {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    recorder.record(10);
    recorder.record(3);
    NpsAggregator tenPoint = Nps.aggregator(Nps.definition().withScale(1, 10)).add(7);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> recorder.intervalSnapshot(tenPoint));
    assertTrue(e.getMessage().contains("cannot take a snapshot"), e.getMessage());
    assertEquals(1, tenPoint.count(), "the refused aggregator is untouched");
    recorder.record(9);
    NpsAggregator snap = recorder.intervalSnapshot(Nps.aggregator().add(0));
    assertEquals(3, snap.count(), "reset, then the three answers");
    assertEquals(Nps.aggregator().addAll(10, 3, 9).result(), snap.result());
    recorder.record(5);
    assertEquals(1, recorder.intervalSnapshot().count(), "the live buffer was not disturbed");
  }

  @Test
  void manyShortLivedThreadsReuseTheCellsOfDeadOnes() throws Exception {
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    NpsAggregator total = Nps.aggregator();
    int batches = 500;
    int perBatch = 4;
    int maxCells = 0;
    // A reader takes snapshots all along, racing the new writers that claim dead cells.
    AtomicBoolean done = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        NpsAggregator snap = recorder.intervalSnapshot();
        synchronized (total) {
          total.merge(snap);
        }
      }
    });
    reader.start();
    for (int b = 0; b < batches; b++) {
      List<Thread> batch = new ArrayList<>();
      for (int i = 0; i < perBatch; i++) {
        int score = (b + i) % 11;
        Thread t = new Thread(() -> {
          recorder.record(score);
          recorder.record(score);
        });
        batch.add(t);
        t.start();
      }
      for (Thread t : batch) {
        t.join();
      }
      maxCells = Math.max(maxCells, recorder.writerCells());
    }
    done.set(true);
    reader.join();
    total.merge(recorder.intervalSnapshot());
    assertEquals(2L * batches * perBatch, total.count());
    assertTrue(maxCells <= 4 * perBatch, "cells alive at most: " + maxCells);
    assertEquals(0, recorder.writerCells(), "dead threads' cells are dropped by a snapshot");
  }

  /** Virtual threads (JDK 21+, reached by reflection so that this compiles for Java 17). */
  @Test
  void aHundredThousandVirtualThreadsLoseNothing() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21,
        "virtual threads need JDK 21+");
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    java.lang.reflect.Method start =
        Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    int n = 100_000;
    long[] expected = new long[11];
    NpsAggregator total = Nps.aggregator();
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int score = i % 11;
      expected[score]++;
      threads.add((Thread) start.invoke(builder, (Runnable) () -> recorder.record(score)));
      if (i % 10_000 == 0) {
        total.merge(recorder.intervalSnapshot());
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    total.merge(recorder.intervalSnapshot());
    assertArrayEquals(expected, total.histogram().counts());
    assertEquals(0, recorder.writerCells());
  }
}
