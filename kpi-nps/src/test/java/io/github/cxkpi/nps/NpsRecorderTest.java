package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
      while (!done.get()) {
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
}
