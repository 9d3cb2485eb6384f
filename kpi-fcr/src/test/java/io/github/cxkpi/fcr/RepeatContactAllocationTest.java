package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Recording a contact allocates nothing once the tables have grown to the stream's steady
 * state: keys going idle, their ids freed and reused, contacts waiting in the arrival queue,
 * decisions in the timer ring. Measured with the JVM's per-thread allocation counter over a
 * million warm contacts; the bound (a fraction of a byte per contact) leaves room for a stray
 * allocation of the runtime, not for one per contact. The best of a few rounds counts, so that
 * the JIT has compiled the loop.
 */
class RepeatContactAllocationTest {
  private static final int CONTACTS = 1_000_000;

  @Test
  void aWarmStreamOfContactsAllocatesNothing() {
    LongSupplier allocated = allocatedBytes();
    assumeTrue(allocated != null, "no per-thread allocation counter on this JVM");
    // Half the contacts from 2,000 customers who come back within the (default 7-day) window:
    // the repeat path. Half from 200,000 who come back after weeks: their keys go idle and are
    // evicted, and their ids are reused by the keys that come next.
    String[] regulars = new String[2_000];
    for (int i = 0; i < regulars.length; i++) {
      regulars[i] = "regular-" + i;
    }
    String[] rare = new String[200_000];
    for (int i = 0; i < rare.length; i++) {
      rare[i] = "rare-" + i;
    }
    long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    Instant[] instants = new Instant[4 * CONTACTS];
    for (int i = 0; i < instants.length; i++) {
      // One contact every 10 s, with about a minute of jitter within the default hour of lateness.
      instants[i] = Instant.ofEpochMilli(start + i * 10_000L + (i * 7919L) % 60_000);
    }
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      long before = allocated.getAsLong();
      for (int i = round * CONTACTS; i < (round + 1) * CONTACTS; i++) {
        long spread = i * 2_654_435_761L;
        String key = (i & 1) == 0
            ? regulars[(int) (spread % regulars.length)] : rare[(int) (spread % rare.length)];
        a.add(key, instants[i], (i & 3) != 0);
      }
      best = Math.min(best, allocated.getAsLong() - before);
    }
    assertTrue(a.result().contactsRepeated() > 0 && a.result().episodesDecided() > 0);
    assertTrue(best < 64 * 1024, best + " bytes allocated for " + CONTACTS + " contacts");
  }

  /**
   * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, by reflection so
   * that the module needs no {@code requires} for a test; null where unsupported.
   */
  private static @Nullable LongSupplier allocatedBytes() {
    try {
      Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
      Object bean = factory.getMethod("getThreadMXBean").invoke(null);
      Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
      if (!hotspot.isInstance(bean)
          || !(boolean) hotspot.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
        return null;
      }
      hotspot.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
      Method m = hotspot.getMethod("getCurrentThreadAllocatedBytes");
      return () -> {
        try {
          return (long) m.invoke(bean);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
