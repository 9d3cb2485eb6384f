package io.github.cxkpi.stats;

import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.internal.SpecialFunctions;

/**
 * Student's t distribution with {@code df > 0} degrees of freedom (not necessarily an
 * integer: Welch's test needs fractional ones).
 *
 * <p>The CDF is {@code 1 - I_x(df/2, 1/2) / 2} with {@code x = df / (df + t²)}, the regularized
 * incomplete beta function by its continued fraction; the quantile inverts it by Newton steps
 * inside a bracket that bisection keeps honest (closed forms for df = 1 and df = 2).
 *
 * @since 0.1.0
 */
public final class StudentT {
  private StudentT() {}

  private static void checkDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("degrees of freedom must be finite and > 0, was " + df);
    }
  }

  /**
   * {@code P(T <= t)}.
   *
   * @param t the point
   * @param df degrees of freedom, {@code > 0}
   * @return the probability
   */
  public static double cdf(double t, double df) {
    checkDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    if (df >= HUGE_DF) {
      return Normal.cdf(normalEquivalent(t, df));
    }
    double tail = lowerTail(-Math.abs(t), df);
    return t <= 0 ? tail : 1 - tail;
  }

  // From here on, the Cornish-Fisher expansion in 1/df (Abramowitz and Stegun 26.7.5) is exact
  // to double precision, while the incomplete beta would work at x = df/(df + t²), within a few
  // ulps of 1, and lose digits (5e-6 at df = 1e12).
  private static final double HUGE_DF = 1e6;

  /** The t quantile for the normal quantile z, by Abramowitz and Stegun 26.7.5. */
  private static double cornishFisher(double z, double df) {
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  }

  /** The z whose t quantile is t: Newton's method on the expansion (two steps suffice). */
  private static double normalEquivalent(double t, double df) {
    double z = t;
    for (int i = 0; i < 3; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(z));
      double slope = (cornishFisher(z + h, df) - cornishFisher(z - h, df)) / (2 * h);
      z -= (cornishFisher(z, df) - t) / slope;
    }
    return z;
  }

  /** {@code P(T <= t)} for {@code t <= 0}, with full relative precision. */
  private static double lowerTail(double t, double df) {
    double t2 = t * t;
    // x = df / (df + t²); for large |t| use the complement form to keep precision.
    // Both x and its complement y are computed directly, so neither loses digits near 1.
    double x = df / (df + t2);
    double y = t2 / (df + t2);
    if (t2 < df) {
      return 0.5 * (1 - SpecialFunctions.regularizedBeta(y, x, 0.5, df / 2));
    }
    return 0.5 * SpecialFunctions.regularizedBeta(x, y, df / 2, 0.5);
  }

  /**
   * The density.
   *
   * @param t the point
   * @param df degrees of freedom, {@code > 0}
   * @return the density
   */
  public static double pdf(double t, double df) {
    checkDf(df);
    double logC = -0.5 * Math.log(df) - SpecialFunctions.logBeta(df / 2, 0.5);
    return Math.exp(logC - (df + 1) / 2 * Math.log1p(t * t / df));
  }

  /**
   * The quantile: the t with {@code P(T <= t) = p}.
   *
   * @param p a probability in [0, 1]
   * @param df degrees of freedom, {@code > 0}
   * @return the quantile; infinite at 0 and 1
   */
  public static double quantile(double p, double df) {
    checkDf(df);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p == 0.5) {
      return 0;
    }
    if (df >= HUGE_DF) {
      return cornishFisher(Normal.quantile(p), df);
    }
    return p < 0.5 ? lowerQuantile(p, df) : -lowerQuantile(1 - p, df);
  }

  /** The quantile for p in (0, 0.5): a negative t. */
  private static double lowerQuantile(double p, double df) {
    if (df == 1) {
      return -1 / Math.tan(Math.PI * p); // Cauchy
    }
    if (df == 2) {
      return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    }
    // Bracket [lo, hi] with cdf(lo) <= p <= cdf(hi), hi = 0.
    double hi = 0;
    double lo = Math.min(-1, 2 * Normal.quantile(p));
    while (lowerTail(lo, df) > p) {
      hi = lo;
      lo *= 2;
      if (lo < -1e300) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    double t = Math.max(lo, Math.min(hi, Normal.quantile(p)));
    for (int i = 0; i < 200; i++) {
      double f = lowerTail(t, df) - p;
      if (f == 0) {
        return t;
      }
      if (f > 0) {
        hi = t;
      } else {
        lo = t;
      }
      double next = t - f / pdf(t, df);
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - t) <= 1e-15 * Math.abs(t) || next == t) {
        return next;
      }
      t = next;
    }
    return t;
  }

  /**
   * The two-sided critical value {@code t((1 + level) / 2, df)}.
   *
   * @param level confidence level, strictly between 0 and 1
   * @param df degrees of freedom, {@code > 0}
   * @return the critical value
   */
  public static double critical(double level, double df) {
    Checks.level(level);
    return -quantile((1 - level) / 2, df);
  }
}
