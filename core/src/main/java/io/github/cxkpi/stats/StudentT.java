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
    double tail = lowerTail(-Math.abs(t), df);
    return t <= 0 ? tail : 1 - tail;
  }

  /** {@code P(T <= t)} for {@code t <= 0}, with full relative precision. */
  private static double lowerTail(double t, double df) {
    double t2 = t * t;
    // x = df / (df + t²); for large |t| use the complement form to keep precision.
    if (t2 < df) {
      double y = t2 / (df + t2);
      return 0.5 * (1 - SpecialFunctions.regularizedBeta(y, 0.5, df / 2));
    }
    double x = df / (df + t2);
    return 0.5 * SpecialFunctions.regularizedBeta(x, df / 2, 0.5);
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
