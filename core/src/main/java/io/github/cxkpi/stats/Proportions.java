package io.github.cxkpi.stats;

import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.internal.SpecialFunctions;

/**
 * Intervals for a proportion and the comparison of two. Sample sizes are doubles so that a
 * weighted share can pass Kish's effective sample size.
 *
 * @since 0.1.0
 */
public final class Proportions {
  private Proportions() {}

  private static void check(double p, double n) {
    if (!(n >= 0) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("sample size must be finite and >= 0, was " + n);
    }
    if (n > 0 && !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("proportion must be in [0, 1], was " + p);
    }
  }

  /**
   * The Wilson score interval:
   * {@code [p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)] / (1 + z²/n)}.
   *
   * @param p the observed share
   * @param n the sample size (or effective sample size)
   * @param level the confidence level
   * @return the interval, {@link Interval#UNDEFINED} when n is 0
   */
  public static Interval wilson(double p, double n, double level) {
    check(p, n);
    double z = Normal.critical(level);
    if (n == 0) {
      return Interval.UNDEFINED;
    }
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return new Interval(Math.max(0, center - half), Math.min(1, center + half));
  }

  /**
   * The Wilson interval of {@code k} successes in {@code n}.
   *
   * @param k successes
   * @param n trials
   * @param level the confidence level
   * @return the interval
   */
  public static Interval wilson(long k, long n, double level) {
    checkCounts(k, n);
    return wilson(n == 0 ? 0 : (double) k / n, n, level);
  }

  private static void checkCounts(long k, long n) {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, was " + k + " of " + n);
    }
  }

  /**
   * The Agresti-Coull interval: Wald on {@code (k + z²/2) / (n + z²)}.
   *
   * @param k successes
   * @param n trials
   * @param level the confidence level
   * @return the interval
   */
  public static Interval agrestiCoull(long k, long n, double level) {
    checkCounts(k, n);
    double z = Normal.critical(level);
    if (n == 0) {
      return Interval.UNDEFINED;
    }
    double nt = n + z * z;
    double pt = (k + z * z / 2) / nt;
    double half = z * Math.sqrt(pt * (1 - pt) / nt);
    return new Interval(Math.max(0, pt - half), Math.min(1, pt + half));
  }

  /**
   * The Clopper-Pearson ("exact") interval from beta quantiles.
   *
   * @param k successes
   * @param n trials
   * @param level the confidence level
   * @return the interval
   */
  public static Interval clopperPearson(long k, long n, double level) {
    checkCounts(k, n);
    Checks.level(level);
    if (n == 0) {
      return Interval.UNDEFINED;
    }
    double alpha = 1 - level;
    // At k = 0 and k = n the bounds have closed forms, exact at any n: 1 - (alpha/2)^(1/n).
    double edge = Math.log(alpha / 2) / n;
    double lo = k == 0 ? 0 : k == n ? Math.exp(edge)
        : SpecialFunctions.inverseRegularizedBeta(alpha / 2, k, n - k + 1.0);
    double hi = k == n ? 1 : k == 0 ? -Math.expm1(edge)
        : SpecialFunctions.inverseRegularizedBeta(1 - alpha / 2, k + 1.0, n - k);
    return new Interval(lo, hi);
  }

  /**
   * The Jeffreys interval: quantiles of Beta(k + 1/2, n - k + 1/2), with the bound at 0 or 1
   * when k is 0 or n.
   *
   * @param k successes
   * @param n trials
   * @param level the confidence level
   * @return the interval
   */
  public static Interval jeffreys(long k, long n, double level) {
    checkCounts(k, n);
    Checks.level(level);
    if (n == 0) {
      return Interval.UNDEFINED;
    }
    double alpha = 1 - level;
    double lo = k == 0 ? 0 : SpecialFunctions.inverseRegularizedBeta(alpha / 2, k + 0.5, n - k + 0.5);
    double hi = k == n ? 1
        : SpecialFunctions.inverseRegularizedBeta(1 - alpha / 2, k + 0.5, n - k + 0.5);
    return new Interval(lo, hi);
  }

  /**
   * Compares two shares {@code p1 - p2}: the pooled two-proportion z test
   * {@code z = (p1 - p2) / sqrt(q(1-q)(1/n1 + 1/n2))}, {@code q = (n1 p1 + n2 p2)/(n1 + n2)},
   * and Newcombe's hybrid score interval of the difference (from the two Wilson intervals).
   * The standard error reported is the unpooled one.
   *
   * @param p1 the first share
   * @param n1 its (effective) sample size
   * @param p2 the second share
   * @param n2 its (effective) sample size
   * @param level the confidence level
   * @return the comparison; NaN figures when a sample is empty
   */
  public static Difference compare(double p1, double n1, double p2, double n2, double level) {
    check(p1, n1);
    check(p2, n2);
    Checks.level(level);
    if (n1 == 0 || n2 == 0) {
      return new Difference(Double.NaN, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY,
          Double.NaN, Interval.UNDEFINED, level);
    }
    double d = p1 - p2;
    double q = (n1 * p1 + n2 * p2) / (n1 + n2);
    double pooledSe = Math.sqrt(q * (1 - q) * (1 / n1 + 1 / n2));
    double z = pooledSe == 0 ? (d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d))
        : d / pooledSe;
    double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    Interval w1 = wilson(p1, n1, level);
    Interval w2 = wilson(p2, n2, level);
    double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
    double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
    return new Difference(d, se, z, Double.POSITIVE_INFINITY, ZTest.twoSidedPValue(z),
        new Interval(lower, upper), level);
  }

  private static double sq(double x) {
    return x * x;
  }
}
