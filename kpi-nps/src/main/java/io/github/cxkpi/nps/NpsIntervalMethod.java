package io.github.cxkpi.nps;

/** How to compute the confidence interval of an NPS (see KPIS.md, after Rocks 2016). */
public enum NpsIntervalMethod {
  /** The normal (Wald) interval {@code NPS ± z·SE}: fine at large n, poor near the bounds. */
  WALD,
  /**
   * The adjusted Wald interval: 0.75 promoter, 1.5 passive and 0.75 detractor pseudo-responses
   * (n + 3), then Wald. Better at small n and near ±1; the default.
   */
  ADJUSTED_WALD,
  /** The score interval: the Δ where the score statistic equals ±z, found by bisection. */
  SCORE
}
