package io.github.cxkpi.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point text of a double: its exact binary value rounded half up (away from zero) to a
 * number of decimals, as {@code new BigDecimal(v).setScale(decimals, HALF_UP)} spells it, with
 * the sign of a negative value kept when it rounds to zero ({@code -0.000}, as
 * {@code String.format} and C's {@code printf} write it).
 *
 * <p>Why not {@code String.format("%.6f")}: it rounds the shortest decimal that reads back as
 * the double, not the double, so a value just below a tie rounds up ({@code 0.15}, which is
 * 0.1499999..., gives {@code 0.2}); and a report's few thousand figures cost it about 0.1 s of
 * a fresh JVM's time, a twentieth of a 5 M-row run. Here a figure is a product, an exact error
 * term and a few integer steps.
 */
final class Decimals {
  private Decimals() {}

  /** The most decimals of the fast way; more take {@code BigDecimal}'s. */
  static final int MAX_DECIMALS = 9;

  private static final double[] SCALE = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final long[] POW = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
      10_000_000L, 100_000_000L, 1_000_000_000L};

  /**
   * The value with the given number of decimals, rounded half up from its exact value.
   *
   * @param v the value (infinities and NaN are written as {@code String.format} writes them)
   * @param decimals 0 or more
   * @return the text, {@code -} for a negative value (or -0.0), no grouping, {@code .} as point
   */
  static String fixed(double v, int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must be 0 or more, was " + decimals);
    }
    if (decimals > MAX_DECIMALS) {
      return exactly(v, decimals);
    }
    double a = Math.abs(v);
    double p = a * SCALE[decimals];
    // Below 2^52 the scaled value's ulp is at most 1/2, so the rounding error e of the product,
    // exact by the fused multiply-add, is at most 1/4. NaN and infinities fail the test too.
    if (!(p < 0x1p52)) {
      return exactly(v, decimals);
    }
    double e = Math.fma(a, SCALE[decimals], -p);
    double whole = Math.floor(p);
    double frac = p - whole; // exact
    long r = (long) whole;
    // The exact scaled value is whole + frac + e; it rounds up when frac + e >= 1/2. With frac
    // below 1/4 it cannot (|e| <= 1/4 and frac + e < 1/2); otherwise frac - 1/2 is exact
    // (Sterbenz) and compared with -e, exact too.
    if (frac >= 0.25 && frac - 0.5 >= -e) {
      r++;
    }
    StringBuilder b = new StringBuilder(24);
    if (Double.doubleToRawLongBits(v) < 0) {
      b.append('-');
    }
    b.append(r / POW[decimals]);
    if (decimals > 0) {
      b.append('.');
      String f = Long.toString(r % POW[decimals]);
      for (int k = f.length(); k < decimals; k++) {
        b.append('0');
      }
      b.append(f);
    }
    return b.toString();
  }

  /** The slow way, for large values, many decimals, infinities and NaN: the same rounding. */
  private static String exactly(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).abs().toPlainString();
    return Double.doubleToRawLongBits(v) < 0 ? "-" + s : s;
  }
}
