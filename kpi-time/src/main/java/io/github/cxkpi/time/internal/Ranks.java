package io.github.cxkpi.time.internal;

import io.github.cxkpi.stats.Normal;

/**
 * The ranks of a distribution-free confidence interval for a quantile: with {@code B ~ Bin(n,
 * q)} the number of observations at or below the population q-quantile, the order statistics of
 * ranks {@code l} and {@code u} bracket it with probability {@code P(l <= B <= u - 1)}. The
 * ranks are chosen so that each tail holds at most {@code (1 - level) / 2}: {@code l} is one
 * more than the largest k with {@code P(B <= k) <= alpha/2} (0 when there is none: no finite
 * lower order statistic qualifies), {@code u} one more than the smallest k with
 * {@code P(B <= k) >= 1 - alpha/2} ({@code n + 1} when it exceeds n). Exact binomial sums up to
 * n = 100 000; the normal approximation above.
 */
public final class Ranks {
  /** Up to this count the binomial distribution is summed exactly. */
  public static final long EXACT_LIMIT = 100_000;

  private Ranks() {}

  /**
   * The ranks {@code {l, u}} (1-based; 0 and n + 1 stand for no bound).
   *
   * @param n the number of observations, {@code >= 1}
   * @param q the quantile, in (0, 1)
   * @param level the confidence level, in (0, 1)
   * @return the two ranks
   */
  public static long[] of(long n, double q, double level) {
    double alpha = 1 - level;
    if (n > EXACT_LIMIT) {
      double z = Normal.critical(level);
      double sd = Math.sqrt(n * q * (1 - q));
      long l = (long) Math.floor(n * q - z * sd);
      long u = (long) Math.ceil(n * q + z * sd) + 1;
      return new long[] {Math.max(0, l), Math.min(n + 1, u)};
    }
    double logRatio = Math.log(q) - Math.log1p(-q);
    double logPmf = n * Math.log1p(-q);
    double cdf = 0;
    long l = 0;
    long u = n + 1;
    for (long k = 0; k <= n; k++) {
      cdf += Math.exp(logPmf);
      if (cdf <= alpha / 2) {
        l = k + 1;
      }
      if (cdf >= 1 - alpha / 2) {
        u = k + 1;
        break;
      }
      logPmf += Math.log((double) (n - k) / (k + 1)) + logRatio;
    }
    return new long[] {l, u};
  }
}
