package io.github.cxkpi.time.internal;

/**
 * Maps a positive long to the index of its logarithmic bucket, as DDSketch's cubically
 * interpolated mapping does: for {@code v = 2^e (1 + s)}, {@code 0 <= s < 1}, the index is
 * {@code floor(m (e + P(s)))}, where {@code P(s) = A s^3 + B s^2 + C s} approximates
 * {@code log2(1 + s)} ({@code P(0) = 0}, {@code P(1) = 1}, increasing) and costs a few
 * multiplications instead of a logarithm.
 *
 * <p>The guarantee: a bucket spans {@code 1/m} of {@code L = e + P(s)}; since
 * {@code d ln v / dL = 1 / ((1 + s) P'(s)) <= 1 / C = 0.7} (the minimum of {@code (1+s)P'(s)} on
 * [0, 1] is at {@code s = 0}), a bucket spans at most {@code 0.7 / m} in {@code ln v}. With
 * {@code m = 0.7 / ln(gamma)}, {@code gamma = (1 + a) / (1 - a)}, every bucket's upper bound is
 * at most gamma times its lower bound, and the value {@code 2 l u / (l + u)} is within the
 * relative accuracy {@code a} of every value of the bucket {@code [l, u)}. A margin of 1e-9
 * covers the floating-point rounding at bucket boundaries. Immutable and thread-safe.
 */
public final class LogIndex {
  private static final double A = 6.0 / 35.0;
  private static final double B = -3.0 / 5.0;
  private static final double C = 10.0 / 7.0;
  private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
  private static final long ONE = 0x3FF0_0000_0000_0000L;

  private final double relativeAccuracy;
  private final double multiplier;
  private final int bucketCount;

  /**
   * The mapping for a relative accuracy.
   *
   * @param relativeAccuracy in (0, 1)
   */
  public LogIndex(double relativeAccuracy) {
    this.relativeAccuracy = relativeAccuracy;
    double gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.multiplier = 0.7 / Math.log(gamma) * (1 + 1e-9);
    this.bucketCount = index(Long.MAX_VALUE) + 1;
  }

  /**
   * The relative accuracy.
   *
   * @return the accuracy
   */
  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  /**
   * How many buckets the positive longs need.
   *
   * @return the count
   */
  public int bucketCount() {
    return bucketCount;
  }

  /**
   * The bucket of a positive value.
   *
   * @param value a value {@code >= 1}
   * @return its bucket, {@code 0 <= index < bucketCount()}
   */
  public int index(long value) {
    long bits = Double.doubleToRawLongBits((double) value);
    double s = Double.longBitsToDouble((bits & MANTISSA) | ONE) - 1;
    int e = (int) (bits >>> 52) - 1023;
    return (int) ((((A * s + B) * s + C) * s + e) * multiplier);
  }

  /**
   * The smallest real value of a bucket.
   *
   * @param index the bucket
   * @return its lower bound
   */
  public double lowerBound(int index) {
    double l = index / multiplier;
    int e = (int) Math.floor(l);
    double frac = l - e;
    // Solve P(s) = frac on [0, 1): P is increasing with P' >= 0.74, so Newton from s = frac
    // converges in a few steps; bisection guards the bracket.
    double lo = 0;
    double hi = 1;
    double s = frac;
    for (int i = 0; i < 100; i++) {
      double p = ((A * s + B) * s + C) * s - frac;
      if (p > 0) {
        hi = s;
      } else {
        lo = s;
      }
      double next = s - p / ((3 * A * s + 2 * B) * s + C);
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2;
      }
      if (Math.abs(next - s) < 1e-17) {
        break;
      }
      s = next;
    }
    return Math.scalb(1 + s, e);
  }

  /**
   * The value reported for a bucket: {@code 2 l u / (l + u)}, within the relative accuracy of
   * every value of the bucket.
   *
   * @param index the bucket
   * @return its value
   */
  public double value(int index) {
    double l = lowerBound(index);
    double u = lowerBound(index + 1);
    return 2 * l * u / (l + u);
  }
}
