package io.github.cxkpi.scale;

/**
 * Which end of a rating scale is good, so that "better" means the same in every result.
 *
 * @since 0.1.0
 */
public enum Direction {
  /** Higher answers are better (CSAT, CES 2.0, NPS). */
  HIGHER_IS_BETTER,
  /** Lower answers are better (CES 1.0: less effort). */
  LOWER_IS_BETTER;

  /**
   * A change oriented so that a positive value means "better".
   *
   * @param change a raw change (new minus old) of a mean
   * @return the change, negated when lower is better
   */
  public double orient(double change) {
    return this == HIGHER_IS_BETTER ? change : -change;
  }
}
