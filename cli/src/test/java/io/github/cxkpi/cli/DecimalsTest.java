package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fixed-point figures against {@code BigDecimal}'s exact half-up rounding of the double: random
 * values of every magnitude, exact ties, the doubles next to ties, values at the fast way's
 * limit, signed zeros and tiny negatives.
 */
class DecimalsTest {
  private static String oracle(double v, int decimals) {
    String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).abs().toPlainString();
    return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + s;
  }

  private static void check(double v, int decimals) {
    assertEquals(oracle(v, decimals), Decimals.fixed(v, decimals),
        () -> "value " + v + " (" + new BigDecimal(v) + ") to " + decimals + " decimals");
  }

  @Test
  void randomValuesOfEveryMagnitude() {
    SplittableRandom rnd = new SplittableRandom(20261203);
    for (int i = 0; i < 200_000; i++) {
      double v = (rnd.nextBoolean() ? -1 : 1) * rnd.nextDouble() * Math.pow(10, rnd.nextInt(-12, 17));
      check(v, rnd.nextInt(Decimals.MAX_DECIMALS + 3));
    }
  }

  @Test
  void tiesAndTheDoublesBesideThem() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int d = 0; d <= Decimals.MAX_DECIMALS; d++) {
      for (int i = 0; i < 20_000; i++) {
        // k + 1/2 units of the last decimal: exact in binary when it is a multiple of a power
        // of two (j / 2^s); otherwise the nearest double lies just above or below the tie.
        double tie = (rnd.nextLong(1L << rnd.nextInt(1, 40)) + 0.5) / Math.pow(10, d);
        double exact = rnd.nextLong(1L << 20) / (double) (1L << rnd.nextInt(1, 30));
        for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), exact,
            Math.nextUp(exact), Math.nextDown(exact), -tie, -exact}) {
          check(v, d);
        }
      }
    }
  }

  @Test
  void edgesOfTheFastWay() {
    for (int d = 0; d <= Decimals.MAX_DECIMALS + 3; d++) {
      double limit = 0x1p52 / Math.pow(10, d);
      for (double v : new double[] {limit, Math.nextDown(limit), Math.nextUp(limit),
          Math.nextDown(Math.nextDown(limit)), 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
          -1e-300, 1e-300, 0.5, -0.5, 0.25, 1e15, -1e15, 1e300, Double.MAX_VALUE, 0.15, 1.005,
          0.1234565, 40.5423165, 99.9999995, 9.5, -9.5}) {
        check(v, d);
      }
    }
    assertEquals("-0.000000", Decimals.fixed(-1e-9, 6));
    assertEquals("-0.0", Decimals.fixed(-0.0, 1));
    assertEquals("Infinity", Decimals.fixed(Double.POSITIVE_INFINITY, 2));
    assertEquals("-Infinity", Decimals.fixed(Double.NEGATIVE_INFINITY, 2));
    assertEquals("NaN", Decimals.fixed(Double.NaN, 2));
    assertEquals(String.format(Locale.ROOT, "%.12f", Math.PI), Decimals.fixed(Math.PI, 12));
    assertThrows(IllegalArgumentException.class, () -> Decimals.fixed(1, -1));
  }

  @Test
  void theDoubleIsRoundedNotItsShortestDecimal() {
    // 0.15 is 0.1499999999999999944...: String.format rounds "0.15" and writes 0.2.
    assertEquals("0.1", Decimals.fixed(0.15, 1));
    assertEquals("0.2", String.format(Locale.ROOT, "%.1f", 0.15));
    assertEquals("1.00", Decimals.fixed(1.005, 2));
    assertEquals("0.123456", Decimals.fixed(0.1234565, 6));
    // An exact tie rounds away from zero, as before.
    assertEquals("0.3", Decimals.fixed(0.25, 1));
    assertEquals("-12.3", Decimals.fixed(-12.25, 1));
  }
}
