package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class DurationRecorderTest {
  @Test
  void intervalSnapshotsTakenWhileFourThreadsRecordLoseNothingAndCountNothingTwice()
      throws Exception {
    DurationRecorder recorder = DurationRecorder.withTargets(Duration.ofMillis(500));
    int threads = 4;
    int each = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < each; i++) {
          recorder.recordNanos((long) (i % 1000) * 1_000_000L + id);
        }
      });
      w.start();
      writers.add(w);
    }
    DurationHistogram total = DurationHistogram.withTargets(Duration.ofMillis(500));
    start.countDown();
    int snapshots = 0;
    while (writers.stream().anyMatch(Thread::isAlive)) {
      total.merge(recorder.intervalSnapshot());
      snapshots++;
    }
    for (Thread w : writers) {
      w.join();
    }
    total.merge(recorder.intervalSnapshot());
    assertEquals((long) threads * each, total.count(), snapshots + " snapshots");
    BigInteger expected = BigInteger.ZERO;
    for (int t = 0; t < threads; t++) {
      expected = expected.add(BigInteger.valueOf(each / 1000 * 499_500L * 1_000_000L
          + (long) each * t));
    }
    assertEquals(expected, total.sumNanos());
    assertEquals((long) threads * each / 1000 * 501 - each / 1000 * 3,
        total.countWithin(Duration.ofMillis(500)));
    assertEquals(0, recorder.snapshot().count());
  }
}
