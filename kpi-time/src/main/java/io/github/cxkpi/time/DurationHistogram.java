package io.github.cxkpi.time;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Means;
import io.github.cxkpi.time.internal.LogIndex;
import io.github.cxkpi.time.internal.Ranks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * A mergeable, serializable histogram of durations with a relative-accuracy guarantee.
 *
 * <p>Durations are recorded in nanoseconds (0 to {@link Long#MAX_VALUE}, about 292 years) on
 * log-linear buckets (each power of two cut into 2^m equal buckets, as HdrHistogram does; m = 6
 * for the default 1 %): every quantile it reports is within the relative accuracy (1 % by
 * default; 0.78 % guaranteed) of the exact order statistic. Exact: the count, the minimum and
 * the maximum, the sum and the sum of squares
 * (128- and 192-bit integers, so the mean and the variance are exact up to the final division,
 * with no cancellation), and the count at or below each target (never estimated from buckets).
 *
 * <p>Recording is O(1): integer shifts for the bucket, an array increment. The counts are one
 * array over the range of buckets in use (from the minimum's bucket to the maximum's, grown 64
 * buckets ahead when a duration falls outside it, like HdrHistogram's auto-resize): it
 * allocates only when the range grows, so memory is bounded (3,712 buckets cover 0 to 292
 * years at 1 %, 29 KiB at most) and follows the range of the data.
 * Merging adds counts bucket by bucket: exact, associative and commutative.
 *
 * <p>How the target counts stay exact without a loop over the targets per record: a bucket's
 * values are all below the values of any later bucket, so every duration in a bucket before a
 * target's bucket is within the target and every duration in a later bucket is not. Only the
 * target's own bucket (the "straddle" bucket) needs the exact comparison; the sign bit of such a
 * bucket's count marks it (the incremented count is negative), and a duration that lands in one
 * is compared with its targets and counted in a small counter per target. The count within a
 * target is then the sum of the buckets before its bucket plus that counter, added up when it is
 * read. The sums take the same care: the low word of a square would carry about every other
 * record (a branch would mispredict), so its two 32-bit halves are added into two words that
 * cannot carry, folded into the 192-bit sum after at least 2^31 records (and added in whenever
 * it is read); the rarer carries into the high words take a branch. The count is not stored but
 * added up from the buckets when asked.
 *
 * <p><b>Not thread-safe</b>: give each thread its own histogram and {@link #merge} them, or use
 * a {@link DurationRecorder}.
 *
 * @since 0.1.0
 */
public final class DurationHistogram {
  /** The default relative accuracy: 1 %. */
  public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

  /** The smallest relative accuracy accepted: 0.0001 (2^13 buckets per power of two). */
  public static final double MIN_RELATIVE_ACCURACY = 0.0001;

  /** The largest relative accuracy accepted: 0.25. */
  public static final double MAX_RELATIVE_ACCURACY = 0.25;

  /** The most targets a histogram counts at. */
  public static final int MAX_TARGETS = 32;

  /** The frame kind of a histogram's bytes. */
  public static final int FRAME_KIND = 7;

  private static final String WHAT = "duration histogram";
  // The counts array grows by at least this many buckets on the side that needs it.
  private static final int MIN_GROWTH = 64;
  private static final long[] NO_COUNTS = new long[0];
  private static final long STRADDLE = Long.MIN_VALUE;
  private static final long COUNT = Long.MAX_VALUE;
  private static final LogIndex DEFAULT_INDEX = new LogIndex(DEFAULT_RELATIVE_ACCURACY);

  private final LogIndex index;
  private final int subBits;
  // 63 - m and 2^m, for the bucket's shift without a max (see recordNanos).
  private final int topShift;
  private final long lowBit;
  private final long[] targets;
  // The bucket of each target (shared, never changed, by the copies of a histogram).
  private final int[] targetBuckets;
  // The counts of buckets offset .. offset + counts.length - 1: at least from the minimum's
  // bucket to the maximum's (more when it grew ahead), empty before the first record. The sign
  // bit of a target's bucket is set (STRADDLE): read a count as counts[j] & COUNT.
  private long[] counts = NO_COUNTS;
  private int offset;
  // Per target: the durations in the target's own bucket that are at or below the target.
  private final long[] straddleWithin;
  // No count field: the count is the sum of the bucket counts (one store less per record).
  private long min = Long.MAX_VALUE;
  // -1 when empty: the test for emptiness.
  private long max = -1;
  // The sum (128 bits), as unsigned words, low first.
  private long sum0;
  private long sum1;
  // The sum of squares (192 bits) is sq2:sq1:sq0 (unsigned words, low first) + sqLo +
  // sqMid * 2^32: the low word of each square is added as two 32-bit halves into sqLo and sqMid,
  // which cannot carry, and folded into sq0 (with its carries) when either reaches 2^63, after
  // at least 2^31 records; readers add them in without changing anything.
  private long sq0;
  private long sq1;
  private long sq2;
  private long sqLo;
  private long sqMid;

  private DurationHistogram(LogIndex index, long[] targets) {
    this(index, targets, bucketsOf(index, targets));
  }

  private DurationHistogram(LogIndex index, long[] targets, int[] targetBuckets) {
    this.index = index;
    this.subBits = index.subBits();
    this.topShift = 63 - subBits;
    this.lowBit = 1L << subBits;
    this.targets = targets;
    this.targetBuckets = targetBuckets;
    this.straddleWithin = new long[targets.length];
  }

  private static int[] bucketsOf(LogIndex index, long[] targets) {
    int[] b = new int[targets.length];
    for (int k = 0; k < targets.length; k++) {
      b[k] = index.index(targets[k]);
    }
    return b;
  }

  /**
   * An empty histogram with 1 % relative accuracy and no targets.
   *
   * @return the histogram
   */
  public static DurationHistogram create() {
    return new DurationHistogram(DEFAULT_INDEX, new long[0]);
  }

  /**
   * An empty histogram with 1 % relative accuracy that counts exactly at the targets.
   *
   * @param targets the targets, each positive, at most {@link #MAX_TARGETS} (order and
   *     duplicates do not matter)
   * @return the histogram
   * @throws IllegalArgumentException when a target is not positive or too long
   */
  public static DurationHistogram withTargets(Duration... targets) {
    return create(DEFAULT_RELATIVE_ACCURACY, List.of(targets));
  }

  /**
   * An empty histogram.
   *
   * @param relativeAccuracy the relative accuracy of the quantiles, from
   *     {@link #MIN_RELATIVE_ACCURACY} to {@link #MAX_RELATIVE_ACCURACY}
   * @param targets the targets to count at exactly, each positive, at most
   *     {@link #MAX_TARGETS} (order and duplicates do not matter)
   * @return the histogram
   * @throws IllegalArgumentException when the accuracy or a target is out of range
   */
  public static DurationHistogram create(double relativeAccuracy, List<Duration> targets) {
    checkAccuracy(relativeAccuracy);
    long[] t = targets.stream().mapToLong(d -> targetNanos(d)).sorted().distinct().toArray();
    if (t.length > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "at most " + MAX_TARGETS + " targets, was " + t.length);
    }
    return new DurationHistogram(indexFor(relativeAccuracy), t);
  }

  private static LogIndex indexFor(double relativeAccuracy) {
    return relativeAccuracy == DEFAULT_RELATIVE_ACCURACY ? DEFAULT_INDEX
        : new LogIndex(relativeAccuracy);
  }

  static void checkAccuracy(double a) {
    if (!(a >= MIN_RELATIVE_ACCURACY && a <= MAX_RELATIVE_ACCURACY)) {
      throw new IllegalArgumentException("relativeAccuracy must be in " + MIN_RELATIVE_ACCURACY
          + ".." + MAX_RELATIVE_ACCURACY + ", was " + a);
    }
  }

  private static long targetNanos(Duration d) {
    Objects.requireNonNull(d, "target is null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("target must be positive, was " + d);
    }
    return nanos(d, "target");
  }

  static long nanos(Duration d, String what) {
    Objects.requireNonNull(d, () -> what + " is null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + d);
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " must be at most " + Duration.ofNanos(
          Long.MAX_VALUE) + " (the longest in nanoseconds), was " + d, e);
    }
  }

  /**
   * A collector of durations into a new histogram with 1 % accuracy and no targets; works with
   * parallel streams (it merges).
   *
   * @return the collector
   */
  public static Collector<Duration, ?, DurationHistogram> collector() {
    return collector(DEFAULT_RELATIVE_ACCURACY, List.of());
  }

  /**
   * A collector of durations into a new histogram; works with parallel streams (it merges).
   *
   * @param relativeAccuracy the relative accuracy
   * @param targets the targets
   * @return the collector
   * @throws IllegalArgumentException as {@link #create(double, List)}
   */
  public static Collector<Duration, ?, DurationHistogram> collector(double relativeAccuracy,
      List<Duration> targets) {
    DurationHistogram template = create(relativeAccuracy, targets);
    return Collector.of(template::emptyCopy, DurationHistogram::record, DurationHistogram::merge,
        Collector.Characteristics.IDENTITY_FINISH, Collector.Characteristics.UNORDERED);
  }

  DurationHistogram emptyCopy() {
    return new DurationHistogram(index, targets, targetBuckets);
  }

  /**
   * Records a duration.
   *
   * @param duration the duration, not negative, at most {@link Long#MAX_VALUE} nanoseconds
   * @return this histogram
   * @throws IllegalArgumentException when it is negative or too long; nothing is recorded then
   */
  public DurationHistogram record(Duration duration) {
    recordNanos(nanos(duration, "duration"));
    return this;
  }

  /**
   * Records a duration given in nanoseconds.
   *
   * @param nanos the duration, {@code >= 0}
   * @throws IllegalArgumentException when it is negative; nothing is recorded then
   */
  public void recordNanos(long nanos) {
    // LogIndex.index, inlined: the bucket from the leading bit and the m bits below it (the
    // bit 2^m or-ed in makes the shift 0 below 2^(m+1) without a max). A negative duration's
    // bucket lies past the last bucket, so outside the counts: the check for it is on the way
    // that grows them.
    int shift = topShift - Long.numberOfLeadingZeros(nanos | lowBit);
    int i = (shift << subBits) + (int) (nanos >>> shift);
    long[] c = counts;
    int j = i - offset;
    if (j < 0 || j >= c.length) {
      recordOutside(nanos, i);
      return;
    }
    // A target's own bucket (its count's sign bit is set): the only place where an exact
    // comparison is needed.
    if (++c[j] < 0) {
      straddle(i, nanos);
    }
    if (nanos < min) {
      min = nanos;
    }
    if (nanos > max) {
      max = nanos;
    }
    // The sum: nanos < 2^63, so the low word carries only once per 2^63 ns summed (a branch
    // that is always predicted).
    long s = sum0 + nanos;
    if (Long.compareUnsigned(s, nanos) < 0) {
      sum1++;
    }
    sum0 = s;
    // The sum of squares: the low word of a square would carry about every other record, so
    // its halves go into two accumulators that do not carry (folded in when one reaches 2^63, a
    // branch that is always predicted); the high word (< 2^62) carries as rarely as the sum.
    long lo = nanos * nanos;
    long hi = Math.multiplyHigh(nanos, nanos);
    long a = sqLo + (lo & 0xFFFF_FFFFL);
    long b = sqMid + (lo >>> 32);
    sqLo = a;
    sqMid = b;
    long u = sq1 + hi;
    if (Long.compareUnsigned(u, hi) < 0) {
      sq2++;
    }
    sq1 = u;
    if ((a | b) < 0) {
      foldSquares();
    }
  }

  /**
   * Records a duration whose bucket lies outside the counts (or refuses a negative one, before
   * any change): out of the way of the usual record, which this keeps small.
   */
  private void recordOutside(long nanos, int bucket) {
    if (nanos < 0) {
      throw negative(nanos);
    }
    cover(bucket, bucket);
    recordNanos(nanos);
  }

  /** Counts a duration in a target's bucket within each target of that bucket it is at most. */
  private void straddle(int bucket, long nanos) {
    for (int k = 0; k < targetBuckets.length; k++) {
      if (targetBuckets[k] == bucket && nanos <= targets[k]) {
        straddleWithin[k]++;
      }
    }
  }

  /** Adds the halves of the low words of the squares into the 192-bit sum of squares. */
  void foldSquares() {
    long[] w = squareWords();
    sq0 = w[0];
    sq1 = w[1];
    sq2 = w[2];
    sqLo = 0;
    sqMid = 0;
  }

  /**
   * Test hook: folds, then moves k (below 2^63) into each half accumulator and takes k + k * 2^32 off the
   * folded words (modulo 2^192), so that the sum of squares is unchanged and a few records make
   * the halves fold.
   */
  void skewSquareHalves(long k) {
    foldSquares();
    long[] w = {sq0, sq1, sq2};
    long x0 = k + (k << 32);
    long x1 = (k >>> 32) + (Long.compareUnsigned(x0, k) < 0 ? 1 : 0);
    add(w, ~x0, ~x1, -1L);
    add(w, 1, 0, 0);
    sq0 = w[0];
    sq1 = w[1];
    sq2 = w[2];
    sqLo += k;
    sqMid += k;
  }

  /** Test hook: the two half accumulators not yet folded in. */
  long[] squareHalves() {
    return new long[] {sqLo, sqMid};
  }

  /** The sum of squares as three unsigned words, low first, the halves added in. */
  private long[] squareWords() {
    long[] w = {sq0, sq1, sq2};
    add(w, sqLo, 0, 0);
    add(w, sqMid << 32, sqMid >>> 32, 0);
    return w;
  }

  /** Adds the unsigned 192-bit x2:x1:x0 to w (three words, low first), modulo 2^192. */
  private static void add(long[] w, long x0, long x1, long x2) {
    long t0 = w[0] + x0;
    long c0 = Long.compareUnsigned(t0, x0) < 0 ? 1 : 0;
    long t1 = w[1] + x1;
    long c1 = Long.compareUnsigned(t1, x1) < 0 ? 1 : 0;
    long t1c = t1 + c0;
    c1 += Long.compareUnsigned(t1c, t1) < 0 ? 1 : 0;
    w[0] = t0;
    w[1] = t1c;
    w[2] += x2 + c1;
  }

  /** The exact count: the sum of the bucket counts. */
  private long total() {
    long n = 0;
    for (long c : counts) {
      n += c & COUNT;
    }
    return n;
  }

  /** The exact count within each target: the buckets before its bucket, then its straddle. */
  private long[] within() {
    long[] within = new long[targets.length];
    if (targets.length == 0) {
      return within;
    }
    long below = 0;
    int j = 0;
    for (int k = 0; k < targets.length; k++) {
      int end = Math.min(counts.length, Math.max(0, targetBuckets[k] - offset));
      for (; j < end; j++) {
        below += counts[j] & COUNT;
      }
      within[k] = below + straddleWithin[k];
    }
    return within;
  }

  /** The count of a bucket. */
  private long bucket(int i) {
    int j = i - offset;
    return j >= 0 && j < counts.length ? counts[j] & COUNT : 0;
  }

  /**
   * Grows the counts to cover the buckets from to to (and, ahead of need, at least
   * {@value #MIN_GROWTH} more on a side that grows, within the buckets there are).
   */
  private long[] cover(int from, int to) {
    int lo = from;
    int hi = to;
    if (counts.length > 0) {
      int last = offset + counts.length - 1;
      lo = from < offset ? Math.max(0, Math.min(from, offset - MIN_GROWTH)) : offset;
      hi = to > last ? Math.min(index.bucketCount() - 1, Math.max(to, last + MIN_GROWTH)) : last;
    }
    long[] grown = new long[hi - lo + 1];
    if (counts.length > 0) {
      System.arraycopy(counts, 0, grown, offset - lo, counts.length);
    }
    markStraddles(grown, lo);
    counts = grown;
    offset = lo;
    return grown;
  }

  /** Sets the sign bit of the count of each target's bucket in a (which starts at bucket at). */
  private void markStraddles(long[] a, int at) {
    for (int b : targetBuckets) {
      int j = b - at;
      if (j >= 0 && j < a.length) {
        a[j] |= STRADDLE;
      }
    }
  }

  private static IllegalArgumentException negative(long nanos) {
    return new IllegalArgumentException("duration must not be negative, was " + nanos + " ns");
  }

  /**
   * Adds another histogram of the same accuracy and targets into this one. Failure-atomic.
   *
   * @param other the other histogram; it is not changed
   * @return this histogram
   * @throws IllegalArgumentException when the accuracy or the targets differ
   * @throws ArithmeticException when the count would overflow
   */
  public DurationHistogram merge(DurationHistogram other) {
    Objects.requireNonNull(other, "other is null");
    if (!sameDefinition(other)) {
      throw new IllegalArgumentException("cannot merge a duration histogram of "
          + definitionText(other) + " into one of " + definitionText(this));
    }
    Math.addExact(total(), other.total());
    if (other == this) {
      return merge(copy());
    }
    long[] src = other.counts;
    if (src.length > 0) {
      if (other.offset < offset || other.offset + src.length > offset + counts.length) {
        cover(other.offset, other.offset + src.length - 1);
      }
      int at = other.offset - offset;
      for (int j = 0; j < src.length; j++) {
        counts[at + j] += src[j] & COUNT;
      }
    }
    for (int k = 0; k < straddleWithin.length; k++) {
      straddleWithin[k] += other.straddleWithin[k];
    }
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    long s = sum0 + other.sum0;
    sum1 += other.sum1 + (Long.compareUnsigned(s, sum0) < 0 ? 1 : 0);
    sum0 = s;
    long[] w = squareWords();
    long[] x = other.squareWords();
    add(w, x[0], x[1], x[2]);
    sq0 = w[0];
    sq1 = w[1];
    sq2 = w[2];
    sqLo = 0;
    sqMid = 0;
    return this;
  }

  boolean sameDefinition(DurationHistogram other) {
    return index.relativeAccuracy() == other.index.relativeAccuracy()
        && Arrays.equals(targets, other.targets);
  }

  private static String definitionText(DurationHistogram h) {
    return "relative accuracy " + h.index.relativeAccuracy() + " and targets "
        + h.targets().stream().map(DurationHistogram::text).toList();
  }

  /**
   * An independent copy.
   *
   * @return the copy
   */
  public DurationHistogram copy() {
    DurationHistogram c = emptyCopy();
    c.counts = counts.length == 0 ? NO_COUNTS : counts.clone();
    c.offset = offset;
    System.arraycopy(straddleWithin, 0, c.straddleWithin, 0, straddleWithin.length);
    c.min = min;
    c.max = max;
    c.sum0 = sum0;
    c.sum1 = sum1;
    c.sq0 = sq0;
    c.sq1 = sq1;
    c.sq2 = sq2;
    c.sqLo = sqLo;
    c.sqMid = sqMid;
    return c;
  }

  /**
   * Forgets every duration; the accuracy and the targets stay (and the counts array, zeroed).
   *
   * @return this histogram
   */
  public DurationHistogram reset() {
    Arrays.fill(counts, 0);
    markStraddles(counts, offset);
    Arrays.fill(straddleWithin, 0);
    min = Long.MAX_VALUE;
    max = -1;
    sum0 = 0;
    sum1 = 0;
    sq0 = 0;
    sq1 = 0;
    sq2 = 0;
    sqLo = 0;
    sqMid = 0;
    return this;
  }

  /**
   * The relative accuracy of the quantiles.
   *
   * @return the accuracy
   */
  public double relativeAccuracy() {
    return index.relativeAccuracy();
  }

  /**
   * The relative accuracy the buckets deliver, at most {@link #relativeAccuracy()}: {@code 1 /
   * (2^(m+1) + 1)} for 2^m buckets per power of two (1/129, about 0.78 %, for the default 1 %).
   *
   * @return the guaranteed accuracy
   */
  public double guaranteedAccuracy() {
    return index.guaranteedAccuracy();
  }

  /**
   * The targets, ascending.
   *
   * @return the targets
   */
  public List<Duration> targets() {
    List<Duration> list = new ArrayList<>(targets.length);
    for (long t : targets) {
      list.add(Duration.ofNanos(t));
    }
    return List.copyOf(list);
  }

  /**
   * How many durations were recorded: the sum of the bucket counts (a pass over at most the
   * buckets from the minimum's to the maximum's, so that recording stores no count).
   *
   * @return the count
   */
  public long count() {
    return total();
  }

  /**
   * Whether nothing was recorded.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return max < 0;
  }

  /**
   * The smallest duration, exact.
   *
   * @return the minimum, in nanoseconds
   * @throws IllegalStateException when empty
   */
  public long minNanos() {
    requireNotEmpty();
    return min;
  }

  /**
   * The largest duration, exact.
   *
   * @return the maximum, in nanoseconds
   * @throws IllegalStateException when empty
   */
  public long maxNanos() {
    requireNotEmpty();
    return max;
  }

  private void requireNotEmpty() {
    if (max < 0) {
      throw new IllegalStateException("the duration histogram is empty");
    }
  }

  /**
   * The exact sum of the durations, in nanoseconds.
   *
   * @return the sum
   */
  public BigInteger sumNanos() {
    return unsigned(sum1).shiftLeft(64).or(unsigned(sum0));
  }

  /**
   * The exact sum of the squared durations, in square nanoseconds.
   *
   * @return the sum of squares
   */
  public BigInteger sumOfSquaresNanos() {
    long[] w = squareWords();
    return unsigned(w[2]).shiftLeft(128).or(unsigned(w[1]).shiftLeft(64)).or(unsigned(w[0]));
  }

  private static BigInteger unsigned(long word) {
    BigInteger b = BigInteger.valueOf(word & Long.MAX_VALUE);
    return word < 0 ? b.setBit(63) : b;
  }

  /**
   * The mean, in seconds; NaN when empty.
   *
   * @return the mean
   */
  public double meanSeconds() {
    long count = total();
    if (count == 0) {
      return Double.NaN;
    }
    return new BigDecimal(sumNanos()).divide(BigDecimal.valueOf(count).scaleByPowerOfTen(9),
        MathContext.DECIMAL128).doubleValue();
  }

  /**
   * The sample variance (n - 1), in square seconds, from the exact sums: {@code (n Σx² -
   * (Σx)²) / (n (n - 1))} in integers, then one division; NaN below two durations.
   *
   * @return the variance
   */
  public double varianceSeconds() {
    long count = total();
    if (count < 2) {
      return Double.NaN;
    }
    BigInteger n = BigInteger.valueOf(count);
    BigInteger s = sumNanos();
    BigInteger num = n.multiply(sumOfSquaresNanos()).subtract(s.multiply(s));
    BigDecimal den = new BigDecimal(n.multiply(n.subtract(BigInteger.ONE))).scaleByPowerOfTen(18);
    return new BigDecimal(num).divide(den, MathContext.DECIMAL128).doubleValue();
  }

  /**
   * The exact count of durations at or below a target.
   *
   * @param target one of the targets
   * @return the count
   * @throws IllegalArgumentException when it is not a target (a count at another duration would
   *     be an estimate)
   */
  public long countWithin(Duration target) {
    int k = Arrays.binarySearch(targets, targetNanos(target));
    if (k < 0) {
      throw new IllegalArgumentException("duration " + target + " is not a target; targets: "
          + targets());
    }
    return within()[k];
  }

  /**
   * The q-quantile in nanoseconds: the order statistic of rank {@code max(1, ceil(q n))}, within
   * the relative accuracy (exact for rank 1, rank n and durations below 128 ns at 1 %).
   *
   * @param q the quantile, in [0, 1]
   * @return the value; NaN when empty
   */
  public double quantileNanos(double q) {
    checkQuantile(q);
    long count = total();
    if (count == 0) {
      return Double.NaN;
    }
    return valueAtRank(rank(q, count), count);
  }

  /**
   * The q-quantile (see {@link #quantileNanos}), rounded to whole nanoseconds.
   *
   * @param q the quantile, in [0, 1]
   * @return the value
   * @throws IllegalStateException when empty
   */
  public Duration quantile(double q) {
    checkQuantile(q);
    requireNotEmpty();
    return Duration.ofNanos(Math.round(quantileNanos(q)));
  }

  static long rank(double q, long n) {
    return Math.max(1, Math.min(n, (long) Math.ceil(q * n)));
  }

  static void checkQuantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in 0..1, was " + q);
    }
  }

  /** The value of the order statistic of a rank in 1..count, in nanoseconds. */
  private double valueAtRank(long rank, long count) {
    if (rank == 1) {
      return min;
    }
    if (rank == count) {
      return max;
    }
    long seen = 0;
    for (int j = 0; j < counts.length; j++) {
      seen += counts[j] & COUNT;
      if (seen >= rank) {
        double v = index.value(offset + j);
        return Math.max(min, Math.min(max, v));
      }
    }
    return max; // not reached: the buckets hold count durations
  }

  /**
   * A distribution-free confidence interval of the population q-quantile, in nanoseconds: the
   * order statistics whose ranks the binomial distribution gives (see the package description),
   * each within the relative accuracy; a bound with no order statistic is 0 (below) or
   * {@code +∞} (above).
   *
   * @param q the quantile, in (0, 1)
   * @param level the confidence level
   * @return the interval; undefined when empty or for q 0 and 1
   */
  public Interval quantileIntervalNanos(double q, double level) {
    checkQuantile(q);
    checkLevel(level);
    long count = total();
    if (count == 0 || q == 0 || q == 1) {
      return Interval.UNDEFINED;
    }
    long[] r = Ranks.of(count, q, level);
    double lo = r[0] < 1 ? 0 : valueAtRank(r[0], count);
    double hi = r[1] > count ? Double.POSITIVE_INFINITY : valueAtRank(r[1], count);
    return new Interval(lo, hi);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
  }

  /**
   * Everything in seconds: count, mean with its t interval, standard deviation, minimum,
   * maximum, the quantiles asked for with their intervals, the service level at every target.
   *
   * @param quantiles the quantiles, each in [0, 1]
   * @param level the confidence level
   * @return the summary
   */
  public DurationSummary summary(List<Double> quantiles, double level) {
    checkLevel(level);
    long count = total();
    double mean = meanSeconds();
    double sd = Math.sqrt(varianceSeconds());
    List<QuantileEstimate> qs = new ArrayList<>();
    for (double q : quantiles) {
      Interval i = quantileIntervalNanos(q, level);
      qs.add(new QuantileEstimate(q, quantileNanos(q) / 1e9,
          i.isDefined() ? i.scaled(1e-9) : i, level));
    }
    List<ServiceLevel> levels = new ArrayList<>();
    long[] within = within();
    for (int k = 0; k < targets.length; k++) {
      levels.add(ServiceLevel.of(Duration.ofNanos(targets[k]), within[k], count, level));
    }
    return new DurationSummary(count, mean, sd, Means.tInterval(mean, sd, count, level),
        count == 0 ? Double.NaN : min / 1e9, count == 0 ? Double.NaN : max / 1e9, qs, levels,
        level, relativeAccuracy());
  }

  /**
   * The histogram in the core codec's frame (kind {@value #FRAME_KIND}): the accuracy, the
   * targets, the exact counts and sums, and the non-empty buckets as (gap, count) varints.
   *
   * <pre>
   * double  relative accuracy        varint  target count, then each target (ns), ascending
   * varint  count                    (when count &gt; 0:)
   * varint  min, max (ns)            varint  count within each target
   * signed  sum word 0; varint sum word 1; signed square words 0 and 1; varint square word 2
   * varint  non-empty buckets b, then b pairs (index gap, count &gt;= 1)
   * </pre>
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(FRAME_KIND);
    writeTo(w);
    return w.finish();
  }

  void writeTo(FrameWriter w) {
    w.putDouble(index.relativeAccuracy());
    w.putVarLong(targets.length);
    for (long t : targets) {
      w.putVarLong(t);
    }
    long count = total();
    w.putVarLong(count);
    if (count == 0) {
      return;
    }
    w.putVarLong(min).putVarLong(max);
    for (long c : within()) {
      w.putVarLong(c);
    }
    w.putSignedLong(sum0).putVarLong(sum1);
    long[] sq = squareWords();
    w.putSignedLong(sq[0]).putSignedLong(sq[1]).putVarLong(sq[2]);
    int nonEmpty = 0;
    for (long c : counts) {
      nonEmpty += (c & COUNT) == 0 ? 0 : 1;
    }
    w.putVarLong(nonEmpty);
    int previous = -1;
    for (int j = 0; j < counts.length; j++) {
      long c = counts[j] & COUNT;
      if (c != 0) {
        int at = offset + j;
        w.putVarLong(at - previous - 1).putVarLong(c);
        previous = at;
      }
    }
  }

  /**
   * Reads a histogram written by {@link #toBytes()}, checking everything.
   *
   * @param bytes the frame
   * @return the histogram
   * @throws CodecException for any bad bytes, naming what is wrong
   */
  public static DurationHistogram fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, FRAME_KIND, WHAT);
    DurationHistogram h = readFrom(r);
    r.finish();
    return h;
  }

  static DurationHistogram readFrom(FrameReader r) {
    double accuracy = r.getDouble("relative accuracy");
    r.check(accuracy >= MIN_RELATIVE_ACCURACY && accuracy <= MAX_RELATIVE_ACCURACY,
        "relative accuracy", "value " + accuracy + " outside " + MIN_RELATIVE_ACCURACY + ".."
            + MAX_RELATIVE_ACCURACY);
    int nt = (int) r.getVarLong("target count", 0, MAX_TARGETS);
    long[] targets = new long[nt];
    for (int k = 0; k < nt; k++) {
      r.check(k == 0 || targets[k - 1] < Long.MAX_VALUE, "target", "targets after the largest");
      targets[k] = r.getVarLong("target", k == 0 ? 1 : targets[k - 1] + 1, Long.MAX_VALUE);
    }
    DurationHistogram h = new DurationHistogram(indexFor(accuracy), targets);
    long count = r.getVarLong("count");
    if (count == 0) {
      return h;
    }
    long min = r.getVarLong("min");
    long max = r.getVarLong("max", min, Long.MAX_VALUE);
    long previousWithin = 0;
    long[] within = new long[nt];
    for (int k = 0; k < nt; k++) {
      long c = r.getVarLong("count within target", previousWithin, count);
      r.check(targets[k] >= min || c == 0, "count within target",
          c + " durations within " + targets[k] + " ns, below the min " + min);
      r.check(targets[k] < max || c == count, "count within target",
          c + " of " + count + " durations within " + targets[k] + " ns, at or above the max "
              + max);
      r.check(targets[k] < min || c >= 1, "count within target",
          "0 durations within " + targets[k] + " ns, at or above the min " + min);
      within[k] = c;
      previousWithin = c;
    }
    h.sum0 = r.getSignedLong("sum");
    h.sum1 = r.getVarLong("sum");
    h.sq0 = r.getSignedLong("sum of squares");
    h.sq1 = r.getSignedLong("sum of squares");
    h.sq2 = r.getVarLong("sum of squares");
    BigInteger n = BigInteger.valueOf(count);
    BigInteger lo = BigInteger.valueOf(min);
    BigInteger hi = BigInteger.valueOf(max);
    BigInteger sum = h.sumNanos();
    BigInteger sq = h.sumOfSquaresNanos();
    r.check(sum.compareTo(n.multiply(lo)) >= 0 && sum.compareTo(n.multiply(hi)) <= 0, "sum",
        "sum " + sum + " outside count * min .. count * max");
    r.check(sq.compareTo(n.multiply(lo).multiply(lo)) >= 0
        && sq.compareTo(n.multiply(hi).multiply(hi)) <= 0
        && sum.multiply(sum).compareTo(n.multiply(sq)) <= 0, "sum of squares",
        "sum of squares " + sq + " inconsistent with the count, min, max and sum");
    int buckets = h.index.bucketCount();
    long nonEmpty = r.getVarLong("non-empty buckets", 0, buckets);
    r.requireRemaining(2 * nonEmpty, "non-empty buckets");
    // Read first (the pairs are bounded by the bytes left), allocated once their range is known.
    int[] at = new int[(int) nonEmpty];
    long[] bucketCounts = new long[(int) nonEmpty];
    long total = 0;
    long previous = -1;
    for (int b = 0; b < nonEmpty; b++) {
      previous += 1 + r.getVarLong("bucket gap", 0, buckets);
      r.check(previous < buckets, "bucket gap", "bucket " + previous + " beyond the last, "
          + (buckets - 1));
      long c = r.getVarLong("bucket count", 1, count);
      total += c;
      r.check(total <= count && total > 0, "bucket count",
          "the buckets hold more than the count " + count);
      at[b] = (int) previous;
      bucketCounts[b] = c;
    }
    int first = nonEmpty == 0 ? -1 : at[0];
    int last = nonEmpty == 0 ? -1 : at[(int) nonEmpty - 1];
    if (nonEmpty > 0) {
      h.counts = new long[last - first + 1];
      h.offset = first;
      for (int b = 0; b < nonEmpty; b++) {
        h.counts[at[b] - first] = bucketCounts[b];
      }
      h.markStraddles(h.counts, first);
    }
    r.check(total == count, "bucket count",
        "the buckets hold " + total + " durations, the count is " + count);
    // Each count within a target lies between the buckets before the target's bucket and
    // those plus its bucket; the rest is the target's straddle count.
    long below = 0;
    int k = 0;
    for (int b = 0; b < buckets && k < nt; b++) {
      long c = h.bucket(b);
      while (k < nt && h.targetBuckets[k] == b) {
        r.check(within[k] >= below && within[k] - below <= c, "count within target",
            within[k] + " durations within " + targets[k] + " ns, but " + below
                + " lie in the buckets below its bucket and " + c + " in its bucket");
        h.straddleWithin[k] = within[k] - below;
        k++;
      }
      below += c;
    }
    r.check(h.index.index(min) == first, "min",
        "min " + min + " is not in the first non-empty bucket");
    r.check(h.index.index(max) == last, "max",
        "max " + max + " is not in the last non-empty bucket");
    h.min = min;
    h.max = max;
    return h;
  }

  @Override
  public String toString() {
    return "DurationHistogram(" + summary(List.of(0.5, 0.9, 0.99), 0.95) + ")";
  }

  // Text helpers shared by the records of this package.

  static String trim(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.toString(x);
    }
    String s = String.format(Locale.ROOT, "%.3f", x);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String seconds(double x) {
    return trim(x) + " s";
  }

  static String text(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
