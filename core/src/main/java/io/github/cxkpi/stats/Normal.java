package io.github.cxkpi.stats;

import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.internal.SpecialFunctions;

/**
 * The standard normal distribution.
 *
 * <p>The CDF uses Marsaglia's series {@code Φ(x) = 1/2 + φ(x)(x + x³/3 + x⁵/15 + ...)} for
 * {@code |x| < 3} and the continued fraction of Mills' ratio in the tails, so that tail
 * probabilities keep their relative precision. The quantile starts from Acklam's rational
 * approximation and is polished by Halley steps on the CDF: full double precision.
 *
 * @since 0.1.0
 */
public final class Normal {
  private static final double SQRT_2PI = 2.50662827463100050242;

  private Normal() {}

  /**
   * The density {@code φ(x)}.
   *
   * @param x the point
   * @return the density
   */
  public static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
  }

  /**
   * {@code Φ(x) = P(Z <= x)}.
   *
   * @param x the point
   * @return the probability
   */
  public static double cdf(double x) {
    return SpecialFunctions.normalCdf(x);
  }

  /**
   * {@code 1 - Φ(x)}, accurate in the upper tail.
   *
   * @param x the point
   * @return the probability
   */
  public static double complementaryCdf(double x) {
    return x > 3 ? SpecialFunctions.normalUpperTail(x) : cdf(-x);
  }

  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };

  /**
   * The quantile {@code Φ⁻¹(p)}.
   *
   * @param p a probability in [0, 1]
   * @return the quantile; -∞ at 0 and +∞ at 1
   */
  public static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > 0.5) {
      return -lowerQuantile(1 - p);
    }
    return lowerQuantile(p);
  }

  /** Quantile for p in (0, 0.5]: Acklam, then Halley on the lower tail. */
  private static double lowerQuantile(double p) {
    double x;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
          / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
    for (int i = 0; i < 3; i++) {
      double e = cdf(x) - p;
      double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
      double next = x - u / (1 + 0.5 * x * u);
      if (next == x || !Double.isFinite(next)) {
        break;
      }
      x = next;
    }
    return x;
  }

  /**
   * The two-sided critical value for a confidence level: {@code Φ⁻¹((1 + level) / 2)},
   * 1.959963984540054 at 0.95.
   *
   * @param level the confidence level, strictly between 0 and 1
   * @return the critical value
   */
  public static double critical(double level) {
    Checks.level(level);
    return -lowerQuantile((1 - level) / 2);
  }
}
