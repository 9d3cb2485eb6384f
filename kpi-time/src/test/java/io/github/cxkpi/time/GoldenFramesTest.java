package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes (STYLE.md, lesson 8): frames written by format version 1 stay readable, with the
 * same figures, and this version still writes them byte for byte.
 */
class GoldenFramesTest {
  /** Targets 20 s and 24 h; durations 0, 1 ms, 3 s, 20 s, 25 s, 2 h, 30 days. */
  static final String HISTOGRAM_V1 = "ce5801073f847ae147ae147b028090dfc04a8080bc8ac9d2130700808088ba90adcd040406008089c3dc92"
      + "809e09000180c0e8e88f8ad2ef3b0080b290cb991500070001b90701de0501b0010112018a0401a00401af"
      + "7f3959";

  static DurationHistogram histogram() {
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofSeconds(20),
        Duration.ofHours(24));
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(3),
        Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofHours(2),
        Duration.ofDays(30)}) {
      h.record(d);
    }
    return h;
  }

  @Test
  void histogramFrameVersion1StaysReadable() {
    assertEquals(HISTOGRAM_V1, HexFormat.of().formatHex(histogram().toBytes()));
    DurationHistogram h = DurationHistogram.fromBytes(HexFormat.of().parseHex(HISTOGRAM_V1));
    assertEquals(7, h.count());
    assertEquals(4, h.countWithin(Duration.ofSeconds(20)));
    assertEquals(6, h.countWithin(Duration.ofHours(24)));
    assertEquals(0, h.minNanos());
    assertEquals(Duration.ofDays(30).toNanos(), h.maxNanos());
    assertEquals(BigInteger.valueOf(Duration.ofDays(30).plusHours(2).plusSeconds(48).toNanos()
        + 1_000_000), h.sumNanos());
    assertEquals(20e9, h.quantileNanos(0.5), 20e9 * 0.01);
    assertArrayEquals(HexFormat.of().parseHex(HISTOGRAM_V1), h.toBytes());
  }
}
