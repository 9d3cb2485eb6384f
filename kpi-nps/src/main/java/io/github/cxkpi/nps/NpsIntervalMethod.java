package io.github.cxkpi.nps;

/**
 * How to compute the confidence interval of an NPS (after B. Rocks, "Interval estimation for the
 * net promoter score", The American Statistician, 2016).
 *
 * @since 0.1.0
 */
public enum NpsIntervalMethod {
  /** The normal (Wald) interval {@code NPS ± z·SE}: fine at large n, poor near the bounds. */
  WALD,
  /**
   * The adjusted Wald interval: 0.75 promoter, 1.5 passive and 0.75 detractor pseudo-responses
   * (n + 3), then Wald. Better at small n and near ±1; the default. Centred on the adjusted
   * estimate, so at a few answers it may exclude the NPS itself (one promoter: [-0.485, 0.985]).
   */
  ADJUSTED_WALD,
  /**
   * The score interval: the Δ where the score statistic equals ±z, found by bisection. It always
   * contains the NPS.
   */
  SCORE
}
