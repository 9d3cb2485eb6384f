package io.github.cxkpi.internal;

/**
 * Log-gamma and the regularized incomplete beta function, for the t and binomial
 * distributions. Accurate to about 1e-14 relative in the ranges the KPIs use.
 */
public final class SpecialFunctions {
  private SpecialFunctions() {}

  // Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients).
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_2PI = 0.9189385332046727417803297;

  /**
   * {@code ln Γ(x)} for {@code x > 0}.
   *
   * @param x the argument
   * @return the log-gamma
   */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, was " + x);
    }
    if (x < 0.5) {
      // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double z = x - 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /**
   * {@code ln B(a, b)}; for {@code b = 1/2} and large {@code a} (Student's t) through an
   * asymptotic series that avoids cancelling two large log-gammas.
   *
   * @param a first parameter, {@code > 0}
   * @param b second parameter, {@code > 0}
   * @return the log of the beta function
   */
  public static double logBeta(double a, double b) {
    if (b == 0.5 && a >= 25) {
      return logGamma(0.5) - logGammaRatioHalf(a);
    }
    if (a == 0.5 && b >= 25) {
      return logGamma(0.5) - logGammaRatioHalf(b);
    }
    double small = Math.min(a, b);
    double big = Math.max(a, b);
    if (big >= 10) {
      // ln Γ(big) - ln Γ(small + big) by Stirling's series, without subtracting two large
      // log-gammas (which loses digits in proportion to their size).
      return logGamma(small) - (big - 0.5) * Math.log1p(small / big)
          - small * Math.log(small + big) + small
          + stirlingCorrection(big) - stirlingCorrection(small + big);
    }
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /** {@code ln Γ(a + 1/2) - ln Γ(a)} for {@code a >= 25}: error below 1e-16. */
  private static double logGammaRatioHalf(double a) {
    double r = 1 / a;
    double r2 = r * r;
    return 0.5 * Math.log(a)
        + r * (-1.0 / 8 + r2 * (1.0 / 192 + r2 * (-1.0 / 640 + r2 * (17.0 / 14336))));
  }

  /**
   * The regularized incomplete beta function {@code I_x(a, b)}, by the continued fraction
   * (modified Lentz) on the side of {@code x} where it converges fast. The prefactor
   * {@code x^a (1-x)^b / B(a, b)} is computed without cancelling large log-gammas (Stirling's
   * series around the mean {@code a/(a+b)}), so that the value stays accurate for parameters up
   * to the largest counts; when the fraction would need too many terms (both parameters very
   * large and x near the mean) the distribution is that close to normal and a second-order
   * Edgeworth expansion is used instead.
   *
   * @param x in [0, 1]
   * @param a {@code > 0}
   * @param b {@code > 0}
   * @return the value in [0, 1]
   */
  public static double regularizedBeta(double x, double a, double b) {
    return regularizedBeta(x, 1 - x, a, b);
  }

  /**
   * {@code I_x(a, b)} given both {@code x} and {@code y = 1 - x}: a caller that knows the small
   * one of the two exactly (e.g. {@code t²/(df + t²)} for Student's t) passes it, since
   * {@code 1 - x} for x near 1 keeps only a few of its digits.
   *
   * @param x in [0, 1]
   * @param y {@code 1 - x}, as exact as the caller has it
   * @param a {@code > 0}
   * @param b {@code > 0}
   * @return the value in [0, 1]
   */
  public static double regularizedBeta(double x, double y, double a, double b) {
    if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1) || Math.abs(x + y - 1) > 1e-12
        || !(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("regularizedBeta needs x in [0,1], y = 1 - x, finite "
          + "a > 0, b > 0; was x=" + x + ", y=" + y + ", a=" + a + ", b=" + b);
    }
    if (x == 0 || y == 0) {
      return x == 0 ? 0 : 1;
    }
    // One swap at most (no recursion: near the mean, rounding could otherwise bounce forever).
    double switchPoint = (a + 1) / (a + b + 2);
    boolean swap = x > switchPoint;
    if (swap && x < 0.5 && x <= 4 * switchPoint && a < 1000 && b > 1e6) {
      // A few successes in a huge n (a Clopper-Pearson or Jeffreys bound): just past the switch
      // point the fraction on this side still converges in a few hundred terms, while the
      // swapped one would work within a few ulps of 1 and lose digits (0.1 % at n = 1e15).
      double f = betaContinuedFraction(x, y, a, b, 100_000);
      if (!Double.isNaN(f)) {
        return Math.min(1, Math.max(0, Math.exp(logPowerTerms(x, y, a, b)) / a * f));
      }
    }
    double xx = swap ? y : x;
    double yy = swap ? x : y;
    double aa = swap ? b : a;
    double bb = swap ? a : b;
    double v;
    if (Math.min(aa, bb) > LARGE
        && Math.abs(distanceFromMean(xx, yy, aa, bb)) < 40 * sd(aa, bb)) {
      v = edgeworth(xx, yy, aa, bb);
    } else {
      v = Math.exp(logPowerTerms(xx, yy, aa, bb)) / aa * betaContinuedFraction(xx, yy, aa, bb);
    }
    v = Math.min(1, Math.max(0, v));
    return swap ? 1 - v : v;
  }

  // ln x and ln y from whichever of x and y = 1 - x is the smaller, and so the exact one.
  private static double logOf(double x, double y) {
    return x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  }

  // x - a/(a+b), from whichever of x and 1 - x keeps the digits.
  private static double distanceFromMean(double x, double y, double a, double b) {
    double n = a + b;
    return x <= 0.5 ? x - a / n : b / n - y;
  }

  // Above this, both parameters make the beta distribution normal to within ~1e-12 (the
  // Edgeworth terms left out are O(1/min(a, b))^{3/2}), and the continued fraction slow.
  private static final double LARGE = 1e8;

  private static double sd(double a, double b) {
    double n = a + b;
    return Math.sqrt(a / n * (b / n) / (n + 1));
  }

  /** P(X <= x) for X ~ Beta(a, b) with a, b large: normal with skewness and kurtosis terms. */
  private static double edgeworth(double x, double y, double a, double b) {
    double n = a + b;
    double z = distanceFromMean(x, y, a, b) / sd(a, b);
    double skew = 2 * (b - a) * Math.sqrt(n + 1) / ((n + 2) * Math.sqrt(a * b));
    double exKurt = 6 * ((a - b) * (a - b) * (n + 1) - a * b * (n + 2))
        / (a * b * (n + 2) * (n + 3));
    double he2 = z * z - 1;
    double he3 = z * z * z - 3 * z;
    double he5 = z * z * z * z * z - 10 * z * z * z + 15 * z;
    return normalCdf(z)
        - normalPdf(z) * (skew / 6 * he2 + exKurt / 24 * he3 + skew * skew / 72 * he5);
  }

  /**
   * The standard normal distribution function {@code Φ(x)}: the Taylor series of the error
   * function near 0, Mills' ratio in the tails.
   *
   * @param x the point
   * @return {@code P(Z <= x)}
   */
  public static double normalCdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < -3) {
      return normalUpperTail(-x);
    }
    if (x > 3) {
      return 1 - normalUpperTail(x);
    }
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int k = 3; k < 400; k += 2) {
      term *= x2 / k;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + normalPdf(x) * sum;
  }

  /**
   * {@code Q(x) = 1 - Φ(x)} for {@code x > 3}: φ(x) over Mills' ratio by Lentz's continued
   * fraction.
   *
   * @param x the point, above 3
   * @return the upper tail
   */
  public static double normalUpperTail(double x) {
    if (x > 40) {
      return 0;
    }
    // R(x) = 1/(x + 1/(x + 2/(x + 3/(x + ...))))
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 10_000; k++) {
      d = x + k * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + k / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return normalPdf(x) / f;
  }

  private static final double SQRT_2PI = 2.50662827463100050242;

  private static double normalPdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
  }

  /**
   * {@code ln(x^a (1-x)^b / B(a, b))}. For a, b >= 10, as Boost and DiDonato-Morris do:
   * {@code a ln(x/mu) + b ln((1-x)/(1-mu))} (by log1p, exact near the mean mu = a/(a+b)) plus
   * {@code ln sqrt(ab / (2 pi (a+b)))} and Stirling's corrections, with no large terms that
   * cancel; else directly from log-gammas.
   */
  private static double logPowerTerms(double x, double y, double a, double b) {
    if (a < 10 || b < 10) {
      return a * logOf(x, y) + b * logOf(y, x) - logBeta(a, b);
    }
    double n = a + b;
    double d = distanceFromMean(x, y, a, b);
    double l1 = a * Math.log1p(d / (a / n));
    double l2 = b * Math.log1p(-d / (b / n));
    return l1 + l2 + 0.5 * Math.log(a / n * b / (2 * Math.PI))
        - stirlingCorrection(a) - stirlingCorrection(b) + stirlingCorrection(n);
  }

  /** {@code ln Γ(z) - ((z - 1/2) ln z - z + ln sqrt(2 pi))} for z >= 10: error below 1e-17. */
  private static double stirlingCorrection(double z) {
    double r = 1 / z;
    double r2 = r * r;
    return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680))));
  }

  private static double betaContinuedFraction(double x, double y, double a, double b) {
    double f = betaContinuedFraction(x, y, a, b, 100_000);
    if (Double.isNaN(f)) {
      throw new ArithmeticException("the incomplete beta continued fraction did not converge"
          + " for x=" + x + ", a=" + a + ", b=" + b);
    }
    return f;
  }

  /** The continued fraction, or NaN when it has not converged after {@code maxTerms}. */
  private static double betaContinuedFraction(double x, double y, double a, double b,
      int maxTerms) {
    final double tiny = 1e-300;
    double c = 1;
    // 1 - (a+b)x/(a+1), written with y = 1 - x when x is near 1, where the first form cancels.
    double d = x <= 0.5 ? 1 - (a + b) * x / (a + 1) : (1 - b + (a + b) * y) / (a + 1);
    if (Math.abs(d) < tiny) {
      d = tiny;
    }
    d = 1 / d;
    double f = d;
    for (int m = 1; m <= maxTerms; m++) {
      int m2 = 2 * m;
      double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + num * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      f *= d * c;
      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + num * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        return f;
      }
    }
    return Double.NaN;
  }

  /**
   * Inverts {@code I_x(a, b) = p} for x by bisection (monotone, 1,100 halvings at most).
   *
   * @param p in [0, 1]
   * @param a {@code > 0}
   * @param b {@code > 0}
   * @return x in [0, 1]
   */
  public static double inverseRegularizedBeta(double p, double a, double b) {
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 1100; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (regularizedBeta(mid, a, b) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
