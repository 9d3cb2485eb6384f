package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.testing.Frames;
import io.github.cxkpi.testing.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {
  private static final double[] QS = {0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99,
      0.999, 1};

  @Test
  void everyQuantileIsWithinTheRelativeAccuracyOfTheExactOrderStatistic() {
    Seeds.forEach(40, rnd -> {
      double accuracy = List.of(0.01, 0.01, 0.001, 0.05, 0.0001).get(rnd.nextInt(5));
      String kind = Durations.KINDS[rnd.nextInt(Durations.KINDS.length)];
      int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 20_000);
      long[] values = new long[n];
      DurationHistogram h = DurationHistogram.create(accuracy, List.of());
      for (int i = 0; i < n; i++) {
        values[i] = Durations.next(rnd, kind);
        h.recordNanos(values[i]);
      }
      Arrays.sort(values);
      for (int t = 0; t < QS.length + 20; t++) {
        double q = t < QS.length ? QS[t] : rnd.nextDouble();
        long rank = Math.max(1, (long) Math.ceil(q * n));
        double exact = values[(int) rank - 1];
        double estimate = h.quantileNanos(q);
        assertTrue(h.guaranteedAccuracy() <= accuracy);
        assertTrue(Math.abs(estimate - exact) <= h.guaranteedAccuracy() * exact * (1 + 1e-12),
            kind + " n=" + n + " accuracy " + accuracy + " q=" + q + ": estimate " + estimate
                + " vs exact " + exact + " (relative error " + (estimate - exact) / exact + ")");
      }
    });
  }

  @Test
  void mergeEqualsOnePassByteForByte() {
    Seeds.forEach(30, rnd -> {
      List<Duration> targets = List.of(Duration.ofSeconds(20), Duration.ofHours(24));
      DurationHistogram whole = DurationHistogram.create(0.01, targets);
      DurationHistogram[] parts = new DurationHistogram[1 + rnd.nextInt(5)];
      for (int p = 0; p < parts.length; p++) {
        parts[p] = DurationHistogram.create(0.01, targets);
      }
      String kind = Durations.KINDS[rnd.nextInt(Durations.KINDS.length)];
      for (int i = rnd.nextInt(5000); i > 0; i--) {
        long v = Durations.next(rnd, kind);
        whole.recordNanos(v);
        parts[rnd.nextInt(parts.length)].recordNanos(v);
      }
      DurationHistogram merged = DurationHistogram.create(0.01, targets);
      for (DurationHistogram p : parts) {
        merged.merge(p);
      }
      assertArrayEquals(whole.toBytes(), merged.toBytes());
      assertEquals(whole.summary(List.of(0.5, 0.9), 0.95), merged.summary(List.of(0.5, 0.9),
          0.95));
    });
  }

  @Test
  void countsSumsMinMaxAndTargetCountsAreExact() {
    Seeds.forEach(30, rnd -> {
      long[] targets = {1_000_000L, 20_000_000_000L, 86_400_000_000_000L};
      DurationHistogram h = DurationHistogram.withTargets(Duration.ofNanos(targets[2]),
          Duration.ofNanos(targets[0]), Duration.ofNanos(targets[1]), Duration.ofMillis(1));
      String kind = Durations.KINDS[rnd.nextInt(Durations.KINDS.length)];
      int n = rnd.nextInt(3000);
      BigInteger sum = BigInteger.ZERO;
      BigInteger sq = BigInteger.ZERO;
      long[] within = new long[3];
      long min = Long.MAX_VALUE;
      long max = -1;
      for (int i = 0; i < n; i++) {
        long v = rnd.nextInt(10) == 0 ? Long.MAX_VALUE - rnd.nextInt(3) : Durations.next(rnd,
            kind);
        h.recordNanos(v);
        sum = sum.add(BigInteger.valueOf(v));
        sq = sq.add(BigInteger.valueOf(v).pow(2));
        min = Math.min(min, v);
        max = Math.max(max, v);
        for (int k = 0; k < 3; k++) {
          within[k] += v <= targets[k] ? 1 : 0;
        }
      }
      assertEquals(n, h.count());
      assertEquals(sum, h.sumNanos());
      assertEquals(sq, h.sumOfSquaresNanos());
      for (int k = 0; k < 3; k++) {
        assertEquals(within[k], h.countWithin(Duration.ofNanos(targets[k])));
      }
      if (n > 0) {
        assertEquals(min, h.minNanos());
        assertEquals(max, h.maxNanos());
        BigDecimal mean = new BigDecimal(sum).divide(BigDecimal.valueOf(n).scaleByPowerOfTen(9),
            MathContext.DECIMAL128);
        assertEquals(mean.doubleValue(), h.meanSeconds(), Math.ulp(mean.doubleValue()));
      }
      if (n > 1) {
        BigDecimal nn = BigDecimal.valueOf(n);
        BigDecimal var = new BigDecimal(sq).multiply(nn).subtract(new BigDecimal(sum).pow(2))
            .divide(nn.multiply(nn.subtract(BigDecimal.ONE)).scaleByPowerOfTen(18),
                MathContext.DECIMAL128);
        assertEquals(var.doubleValue(), h.varianceSeconds(), 2 * Math.ulp(var.doubleValue()));
      }
    });
  }

  /**
   * Target counts at bucket edges, against a brute-force count: durations equal to a target, one
   * nanosecond either side, many durations in the target's own bucket (on both sides of the
   * target), targets sharing a bucket, at several accuracies; after one pass, after a random
   * split and merge, and after a round trip through bytes.
   */
  @Test
  void targetCountsStayExactAtBucketEdges() {
    Seeds.forEach(60, rnd -> {
      double accuracy = List.of(0.01, 0.05, 0.25, 0.0001).get(rnd.nextInt(4));
      long[] targets = new long[1 + rnd.nextInt(6)];
      long anchor = 1 + (long) Math.exp(rnd.nextDouble() * Math.log(1e14));
      for (int k = 0; k < targets.length; k++) {
        // Near one another (often in one bucket), or anywhere.
        targets[k] = rnd.nextBoolean() ? anchor + rnd.nextInt(1000)
            : 1 + (long) Math.exp(rnd.nextDouble() * Math.log(1e15));
      }
      List<Duration> ts = Arrays.stream(targets).mapToObj(Duration::ofNanos).toList();
      DurationHistogram whole = DurationHistogram.create(accuracy, ts);
      DurationHistogram a = DurationHistogram.create(accuracy, ts);
      DurationHistogram b = DurationHistogram.create(accuracy, ts);
      int n = rnd.nextInt(4000);
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        long t = targets[rnd.nextInt(targets.length)];
        long v = switch (rnd.nextInt(5)) {
          case 0 -> t;
          case 1 -> t - 1;
          case 2 -> t + 1;
          // Within 2 % of a target: its bucket or a neighbour.
          case 3 -> Math.max(0, t + (long) ((rnd.nextDouble() - 0.5) * 0.04 * t));
          default -> Durations.next(rnd, Durations.KINDS[rnd.nextInt(Durations.KINDS.length)]);
        };
        values[i] = v;
        whole.recordNanos(v);
        (rnd.nextBoolean() ? a : b).recordNanos(v);
      }
      DurationHistogram merged = a.merge(b);
      DurationHistogram back = DurationHistogram.fromBytes(whole.toBytes());
      for (long t : targets) {
        long expected = Arrays.stream(values).filter(v -> v <= t).count();
        Duration d = Duration.ofNanos(t);
        assertEquals(expected, whole.countWithin(d), "within " + t + " ns, accuracy " + accuracy);
        assertEquals(expected, merged.countWithin(d), "merged, within " + t + " ns");
        assertEquals(expected, back.countWithin(d), "read back, within " + t + " ns");
      }
      assertArrayEquals(whole.toBytes(), merged.toBytes());
      assertArrayEquals(whole.toBytes(), back.toBytes());
    });
  }

  @Test
  void aTargetInTheSameBucketAsManyDurationsCountsOnlyThoseAtOrBelowIt() {
    // At 1 %, 10,000 ns lies in a bucket 128 ns wide (9,984 to 10,111): the targets 10,000 and
    // 10,001 share it, and the durations 9,984 to 10,111 fall on both sides, three times each.
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofNanos(10_000),
        Duration.ofNanos(10_001));
    for (int rep = 0; rep < 3; rep++) {
      for (long v = 9_984; v <= 10_111; v++) {
        h.recordNanos(v);
      }
    }
    assertEquals(3 * (10_000 - 9_984 + 1), h.countWithin(Duration.ofNanos(10_000)));
    assertEquals(3 * (10_001 - 9_984 + 1), h.countWithin(Duration.ofNanos(10_001)));
    DurationHistogram once = DurationHistogram.withTargets(Duration.ofNanos(10_000),
        Duration.ofNanos(10_001));
    once.recordNanos(10_001);
    assertEquals(0, once.countWithin(Duration.ofNanos(10_000)));
    assertEquals(1, once.countWithin(Duration.ofNanos(10_001)));
    assertEquals(2, once.merge(once).countWithin(Duration.ofNanos(10_001)));
    assertEquals(0, once.reset().countWithin(Duration.ofNanos(10_001)));
  }

  @Test
  void aFrameWhoseTargetCountDisagreesWithItsBucketsIsRefused() {
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofSeconds(20));
    for (long s : new long[] {10, 11, 30}) {
      h.recordNanos(Duration.ofSeconds(s).toNanos());
    }
    byte[] frame = h.toBytes();
    // Header 4, accuracy 8, target count 1, target 5, count 1, min 5, max 5: the count within.
    int at = 4 + 8 + 1 + 5 + 1 + 5 + 5;
    assertEquals(2, frame[at]);
    byte[] body = Arrays.copyOf(frame, frame.length - 4);
    body[at] = 1; // 1 within 20 s: consistent with min and max, not with the 10 s and 11 s
    CodecException e = assertThrows(CodecException.class,
        () -> DurationHistogram.fromBytes(Frames.withChecksum(body)));
    assertTrue(e.getMessage().contains("1 durations within 20000000000 ns, but 2 lie in the "
        + "buckets below its bucket and 0 in its bucket"), e.getMessage());
  }

  @Test
  void theVarianceOfNearlyEqualLongDurationsHasNoCancellation() {
    // A million durations of 30 days plus 0 or 1 ns: the naive double formula loses it all.
    DurationHistogram h = DurationHistogram.create();
    long base = Duration.ofDays(30).toNanos();
    for (int i = 0; i < 1_000_000; i++) {
      h.recordNanos(base + (i & 1));
    }
    // Variance 0.25 ns^2 * n / (n - 1), in s^2.
    assertEquals(0.25e-18 * 1_000_000 / 999_999, h.varianceSeconds(), 1e-33);
  }

  @Test
  void quantileIntervalsUseBinomialRanks() {
    // n = 20, median, 95 %: the textbook order statistics x(6) and x(15) (coverage 0.9586).
    DurationHistogram h = DurationHistogram.create();
    for (int i = 1; i <= 20; i++) {
      h.recordNanos(i * 1_000_000_000L);
    }
    Interval i = h.quantileIntervalNanos(0.5, 0.95);
    assertEquals(6e9, i.lower(), 6e9 * 0.01);
    assertEquals(15e9, i.upper(), 15e9 * 0.01);
    // p99 of 20: no order statistic is high enough for the upper bound.
    assertEquals(Double.POSITIVE_INFINITY, h.quantileIntervalNanos(0.99, 0.95).upper());
    assertEquals(0, h.quantileIntervalNanos(0.01, 0.95).lower());
  }

  @Test
  void quantileIntervalsCoverTheTrueQuantileAtAboutTheirLevel() {
    // Exponential durations (mean 1 s): the true median is ln 2 s.
    SplittableRandom rnd = new SplittableRandom(7);
    int covered = 0;
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      DurationHistogram h = DurationHistogram.create();
      for (int i = 0; i < 200; i++) {
        h.recordNanos((long) (-Math.log(1 - rnd.nextDouble()) * 1e9));
      }
      covered += h.quantileIntervalNanos(0.5, 0.95).contains(Math.log(2) * 1e9) ? 1 : 0;
    }
    assertTrue(covered >= 0.93 * trials, covered + " of " + trials);
  }

  @Test
  void aParallelStreamCollectsWhatOnePassRecords() {
    List<Duration> durations = IntStream.range(0, 100_000)
        .mapToObj(i -> Duration.ofMillis((i * 7919L) % 100_000)).toList();
    DurationHistogram parallel = durations.parallelStream().collect(
        DurationHistogram.collector(0.01, List.of(Duration.ofSeconds(20))));
    DurationHistogram serial = DurationHistogram.withTargets(Duration.ofSeconds(20));
    durations.forEach(serial::record);
    assertArrayEquals(serial.toBytes(), parallel.toBytes());
    assertEquals(20_001, parallel.countWithin(Duration.ofSeconds(20)));
  }

  @Test
  void badInputIsRefusedWithTheValueAndTheRule() {
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofSeconds(20));
    assertEquals("duration must not be negative, was PT-1S",
        assertThrows(IllegalArgumentException.class,
            () -> h.record(Duration.ofSeconds(-1))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> h.record(Duration.ofDays(365L * 300))).getMessage().startsWith(
            "duration must be at most PT2562047H47M16.854775807S"));
    assertEquals("target must be positive, was PT0S", assertThrows(
        IllegalArgumentException.class, () -> DurationHistogram.withTargets(Duration.ZERO))
        .getMessage());
    assertEquals("relativeAccuracy must be in 1.0E-4..0.25, was 0.5", assertThrows(
        IllegalArgumentException.class, () -> DurationHistogram.create(0.5, List.of()))
        .getMessage());
    assertEquals("cannot merge a duration histogram of relative accuracy 0.01 and targets [] "
        + "into one of relative accuracy 0.01 and targets [20s]", assertThrows(
        IllegalArgumentException.class, () -> h.merge(DurationHistogram.create())).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> h.countWithin(Duration.ofSeconds(30))).getMessage().startsWith(
            "duration PT30S is not a target"));
    assertEquals(0, h.count());
    assertThrows(IllegalStateException.class, h::minNanos);
    assertTrue(Double.isNaN(h.quantileNanos(0.5)));
  }

  @Test
  void theCountsGrowEitherWayAndMergeAcrossDisjointRanges() {
    // Down from a year to 1 ns (the array grows to the left), then a merge with a histogram of
    // larger durations only (to the right), and one of an empty histogram; against one pass.
    DurationHistogram down = DurationHistogram.create();
    DurationHistogram up = DurationHistogram.create();
    DurationHistogram whole = DurationHistogram.create();
    for (long v = Duration.ofDays(365).toNanos(); v > 0; v /= 3) {
      down.recordNanos(v);
      whole.recordNanos(v);
    }
    for (long v = Duration.ofDays(400).toNanos(); v < Long.MAX_VALUE / 5; v *= 5) {
      up.recordNanos(v);
      whole.recordNanos(v);
    }
    DurationHistogram copy = down.copy();
    assertArrayEquals(whole.toBytes(), down.merge(up).merge(DurationHistogram.create())
        .toBytes());
    assertArrayEquals(whole.toBytes(), DurationHistogram.create().merge(up).merge(copy)
        .toBytes());
    assertEquals(whole.count() - up.count(), copy.count());
    assertEquals(1, whole.minNanos());
    assertEquals(whole.maxNanos(), (long) whole.quantileNanos(1));
  }

  @Test
  void mergingIntoItselfDoublesIt() {
    DurationHistogram h = DurationHistogram.create();
    h.record(Duration.ofSeconds(3)).record(Duration.ofSeconds(5));
    h.merge(h);
    assertEquals(4, h.count());
    assertEquals(BigInteger.valueOf(16_000_000_000L), h.sumNanos());
  }

  @Test
  void theSummaryReadsWell() {
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofSeconds(20));
    for (int s = 1; s <= 40; s++) {
      h.record(Duration.ofSeconds(s));
    }
    assertEquals("n=40 mean 20.5 s [16.761, 24.239] p50 19.998 s [14.025, 26.977] p90 36.237 s "
        + "[32.077, 40] min 1 s max 40 s, within 20s 50 % [35.2, 64.8] (20/40)",
        h.summary(List.of(0.5, 0.9), 0.95).toString());
  }

  @Test
  void theHalvesOfTheSquaresFoldExactlyAndInvisibly() {
    long nearFold = Long.MAX_VALUE - (3L << 32);
    long[] huge = {Long.MAX_VALUE, Long.MAX_VALUE - 1, (1L << 62) + 12_345, 0xFFFF_FFFFL,
        (1L << 32) - 1 + (1L << 40), 3_037_000_499L, 3_037_000_500L};
    Seeds.forEach(20, rnd -> {
      List<Duration> targets = List.of(Duration.ofSeconds(20), Duration.ofHours(24));
      DurationHistogram plain = DurationHistogram.create(0.01, targets);
      DurationHistogram skewed = DurationHistogram.create(0.01, targets);
      BigInteger sum = BigInteger.ZERO;
      BigInteger squares = BigInteger.ZERO;
      int folds = 0;
      int n = 1 + rnd.nextInt(3_000);
      for (int i = 0; i < n; i++) {
        if (i == 0) {
          // So close to 2^63 that any record whose square has a half of 2^20 or more folds them:
          // every case folds at least once (skews only at random, a short case could miss it).
          skewed.skewSquareHalves(Long.MAX_VALUE - (1L << 20));
          assertEquals(squares, skewed.sumOfSquaresNanos());
        } else if (rnd.nextInt(8) == 0) {
          // The halves near 2^63 (the value unchanged): the next few records must fold them.
          skewed.skewSquareHalves(nearFold + rnd.nextLong(1L << 32));
          assertEquals(squares, skewed.sumOfSquaresNanos());
        }
        long v = rnd.nextInt(3) == 0 ? huge[rnd.nextInt(huge.length)]
            : rnd.nextBoolean() ? rnd.nextLong(Long.MAX_VALUE) : Durations.next(rnd, "lognormal");
        long[] before = skewed.squareHalves();
        plain.recordNanos(v);
        skewed.recordNanos(v);
        long[] after = skewed.squareHalves();
        folds += after[0] < before[0] || after[1] < before[1] ? 1 : 0;
        sum = sum.add(BigInteger.valueOf(v));
        squares = squares.add(BigInteger.valueOf(v).pow(2));
        assertEquals(squares, skewed.sumOfSquaresNanos());
        assertEquals(squares, plain.sumOfSquaresNanos());
        assertEquals(sum, skewed.sumNanos());
      }
      assertEquals(n, skewed.count());
      assertArrayEquals(plain.toBytes(), skewed.toBytes());
      assertArrayEquals(plain.toBytes(), skewed.copy().toBytes());
      assertEquals(squares, DurationHistogram.fromBytes(skewed.toBytes()).sumOfSquaresNanos());
      assertEquals(plain.summary(List.of(0.5), 0.95), skewed.summary(List.of(0.5), 0.95));
      // Merging adds the other's halves in (and folds its own).
      DurationHistogram twice = skewed.copy();
      twice.skewSquareHalves(nearFold);
      twice.merge(skewed);
      assertEquals(squares.shiftLeft(1), twice.sumOfSquaresNanos());
      assertArrayEquals(plain.copy().merge(plain).toBytes(), twice.toBytes());
      assertEquals(squares.shiftLeft(1), skewed.copy().merge(skewed).sumOfSquaresNanos());
      assertTrue(n < 8 || folds > 0, "no fold in " + n + " records");
    });
  }

  @Test
  void aNegativeDurationInNanosIsRefusedAndRecordsNothingAtEveryAccuracy() {
    Seeds.forEach(20, rnd -> {
      double accuracy = List.of(0.01, 0.25, 0.0001, 0.003).get(rnd.nextInt(4));
      DurationHistogram h = DurationHistogram.create(accuracy, List.of(Duration.ofSeconds(1)));
      int n = rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        h.recordNanos(rnd.nextBoolean() ? Long.MAX_VALUE : rnd.nextLong(Long.MAX_VALUE));
      }
      byte[] before = h.toBytes();
      for (long v : new long[] {-1, Long.MIN_VALUE, -rnd.nextLong(Long.MAX_VALUE) - 1}) {
        assertEquals("duration must not be negative, was " + v + " ns", assertThrows(
            IllegalArgumentException.class, () -> h.recordNanos(v)).getMessage());
        assertArrayEquals(before, h.toBytes());
      }
    });
  }

  @Test
  void targetCountsStayExactAfterReadingBackResettingAndGrowing() {
    Seeds.forEach(20, rnd -> {
      List<Duration> ts = List.of(Duration.ofNanos(1_000), Duration.ofSeconds(20),
          Duration.ofSeconds(20).plusNanos(1), Duration.ofHours(24));
      long[] targets = ts.stream().mapToLong(Duration::toNanos).toArray();
      DurationHistogram h = DurationHistogram.create(0.01, ts);
      List<Long> values = new java.util.ArrayList<>();
      for (int round = 0; round < 4; round++) {
        switch (rnd.nextInt(3)) {
          case 0 -> h = DurationHistogram.fromBytes(h.toBytes());
          case 1 -> h = h.copy();
          default -> {
            h = DurationHistogram.create(0.01, ts).merge(h);
          }
        }
        if (rnd.nextInt(4) == 0) {
          h.reset();
          values.clear();
        }
        int n = rnd.nextInt(500);
        for (int i = 0; i < n; i++) {
          long t = targets[rnd.nextInt(targets.length)];
          long v = rnd.nextBoolean() ? t + rnd.nextInt(3) - 1
              : Durations.next(rnd, Durations.KINDS[rnd.nextInt(Durations.KINDS.length)]);
          values.add(v);
          h.recordNanos(v);
        }
        assertEquals(values.size(), h.count());
        for (long t : targets) {
          assertEquals(values.stream().filter(v -> v <= t).count(),
              h.countWithin(Duration.ofNanos(t)), "round " + round + ", within " + t + " ns");
        }
      }
    });
  }

  @Test
  void theRecordsBucketIsTheIndexsBucketAtPowersOfTwoAndBelowTheSubBuckets() {
    // The reader checks that the min lies in the first non-empty bucket by the index's own
    // computation, so reading back one duration compares the record's bucket with it.
    for (double accuracy : new double[] {0.01, 0.25, 0.0001, 0.003}) {
      List<Long> values = new java.util.ArrayList<>();
      for (long v = 0; v <= 20_000; v++) {
        values.add(v);
      }
      for (int k = 1; k < 63; k++) {
        values.addAll(List.of((1L << k) - 1, 1L << k, (1L << k) + 1));
      }
      values.add(Long.MAX_VALUE);
      for (long v : values) {
        DurationHistogram h = DurationHistogram.create(accuracy, List.of());
        h.recordNanos(v);
        assertEquals(v, DurationHistogram.fromBytes(h.toBytes()).maxNanos(), "accuracy "
            + accuracy + ", " + v + " ns");
      }
    }
  }
}
