package io.github.cxkpi.benchmarks;

import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactResult;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures the heap a pending key of repeat-contact FCR costs: one million customers with one
 * contact each inside the window (so that every key is pending), heap used after a full GC
 * minus the heap used by the key strings alone. Also prints throughput of the realistic
 * stream of {@link FcrBenchmark} for a quick look.
 */
public final class FcrMemory {
  private FcrMemory() {}

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Runs the measurement.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int n = 1_000_000;
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "cust-" + i;
    }
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    long before = usedAfterGc();
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    for (int i = 0; i < n; i++) {
      a.add(keys[i], t0.plusSeconds(i / 4), false); // all within 3 days: every key pending
    }
    long after = usedAfterGc();
    RepeatContactResult r = a.result();
    double perKey = (double) (after - before) / r.pendingKeys();
    System.out.printf(Locale.ROOT, "pending keys: %,d; heap per pending key (key strings "
        + "excluded): %.1f bytes%n", r.pendingKeys(), perKey);
    System.out.printf(Locale.ROOT, "checkpoint of all of them: %,d bytes (%.1f per key)%n",
        a.toBytes().length, (double) a.toBytes().length / r.pendingKeys());
    if (a.count() != n) {
      throw new IllegalStateException("lost contacts");
    }
    a = null;
    // Contacts waiting above the watermark: the whole input, 1,000 keys, nothing processed.
    before = usedAfterGc();
    RepeatContactAggregator w =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withDerivedWatermark(false));
    for (int i = 0; i < n; i++) {
      w.add(keys[i % 1000], t0.plusSeconds(i), false);
    }
    after = usedAfterGc();
    System.out.printf(Locale.ROOT, "heap per contact waiting above the watermark: %.1f bytes%n",
        (double) (after - before) / w.count());
  }
}
