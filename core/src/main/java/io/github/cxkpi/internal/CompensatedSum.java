package io.github.cxkpi.internal;

/**
 * Neumaier's compensated summation over pairs {@code (sum, compensation)} stored side by side
 * in a {@code double[]}: the error of a sum of n terms stays near one ulp instead of growing
 * with n. Static methods so that the pairs can live in flat arrays.
 */
public final class CompensatedSum {
  private CompensatedSum() {}

  /**
   * Adds {@code x} to the pair at {@code a[i], a[i + 1]}.
   *
   * @param a the array of pairs
   * @param i the index of the pair's sum
   * @param x the term
   */
  public static void add(double[] a, int i, double x) {
    double s = a[i];
    double t = s + x;
    if (Math.abs(s) >= Math.abs(x)) {
      a[i + 1] += (s - t) + x;
    } else {
      a[i + 1] += (x - t) + s;
    }
    a[i] = t;
  }

  /**
   * The value of the pair at {@code a[i], a[i + 1]}.
   *
   * @param a the array of pairs
   * @param i the index of the pair's sum
   * @return sum plus compensation
   */
  public static double value(double[] a, int i) {
    return a[i] + a[i + 1];
  }
}
