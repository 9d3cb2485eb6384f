package io.github.cxkpi.time.internal;

/**
 * Maps a non-negative long to its log-linear bucket, HdrHistogram-style, with integer
 * operations only: each power-of-two range {@code [2^e, 2^(e+1))} is cut into {@code 2^m} equal
 * buckets, and values below {@code 2^(m+1)} have a bucket each (they are exact). For {@code
 * v >= 2^m}, with {@code shift = floor(log2 v) - m}, the index is {@code (shift << m) + (v >>>
 * shift)}; below, it is v itself.
 *
 * <p>The guarantee: a bucket {@code [t 2^s, (t + 1) 2^s)} with {@code 2^m <= t < 2^(m+1)} is
 * reported as {@code 2 l u / (l + u)}, within {@code (u - l) / (u + l) = 1 / (2t + 1) <= 1 /
 * (2^(m+1) + 1)} of every value in it. For a relative accuracy a, m is the smallest with
 * {@code 1 / (2^(m+1) + 1) <= a}: 6 for 1 % (64 buckets per power of two, a guarantee of
 * 1/129 = 0.78 %). Logarithmic buckets (DDSketch) need about 35 per power of two for 1 %, but
 * cost a floating-point polynomial per value: measured, recording took 4.7 times
 * HdrHistogram's time with that mapping and 2.3 times with this one, whose index costs what
 * HdrHistogram's does (the rest is the exact sums and target counts). Immutable and
 * thread-safe.
 */
public final class LogIndex {
  private final double relativeAccuracy;
  private final int subBits;
  private final int bucketCount;

  /**
   * The mapping for a relative accuracy.
   *
   * @param relativeAccuracy in (0, 1)
   */
  public LogIndex(double relativeAccuracy) {
    this.relativeAccuracy = relativeAccuracy;
    int m = 0;
    while (1.0 / ((2L << m) + 1) > relativeAccuracy) {
      m++;
    }
    this.subBits = m;
    this.bucketCount = index(Long.MAX_VALUE) + 1;
  }

  /**
   * The relative accuracy asked for.
   *
   * @return the accuracy
   */
  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  /**
   * The relative accuracy guaranteed, at most the one asked for: {@code 1 / (2^(m+1) + 1)}.
   *
   * @return the guaranteed accuracy
   */
  public double guaranteedAccuracy() {
    return 1.0 / ((2L << subBits) + 1);
  }

  /**
   * The number m of bits below the leading one that pick a bucket (2^m buckets per power of
   * two).
   *
   * @return m
   */
  public int subBits() {
    return subBits;
  }

  /**
   * How many buckets the non-negative longs need.
   *
   * @return the count
   */
  public int bucketCount() {
    return bucketCount;
  }

  /**
   * The bucket of a value.
   *
   * @param value a value {@code >= 0}
   * @return its bucket, {@code 0 <= index < bucketCount()}
   */
  public int index(long value) {
    int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(value) - subBits);
    return (shift << subBits) + (int) (value >>> shift);
  }

  /**
   * The smallest value of a bucket.
   *
   * @param index the bucket
   * @return its lower bound
   */
  public double lowerBound(int index) {
    int shift = Math.max(0, (index >>> subBits) - 1);
    long t = index - ((long) shift << subBits);
    return Math.scalb((double) t, shift);
  }

  /**
   * The value reported for a bucket: the value itself for the exact buckets, else {@code 2 l
   * u / (l + u)} of its bounds, within the guaranteed accuracy of every value of the bucket.
   *
   * @param index the bucket
   * @return its value
   */
  public double value(int index) {
    if (index < (2 << subBits)) {
      return index;
    }
    double l = lowerBound(index);
    double u = lowerBound(index + 1);
    return 2 * l * u / (l + u);
  }
}
