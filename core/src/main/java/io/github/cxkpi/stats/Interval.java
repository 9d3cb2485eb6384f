package io.github.cxkpi.stats;

/**
 * A confidence interval {@code [lower, upper]}. Both bounds are NaN when the sample is too
 * small to give one (e.g. no responses).
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @since 0.1.0
 */
public record Interval(double lower, double upper) {
  /** The interval of an empty sample: both bounds NaN. */
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  /**
   * Checks that {@code lower <= upper} unless one is NaN.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   */
  public Interval {
    if (lower > upper) {
      throw new IllegalArgumentException(
          "interval lower bound " + lower + " is above its upper bound " + upper);
    }
  }

  /**
   * The interval {@code center ± halfWidth}.
   *
   * @param center the center
   * @param halfWidth the half width, {@code >= 0} or NaN
   * @return the interval
   */
  public static Interval around(double center, double halfWidth) {
    return new Interval(center - halfWidth, center + halfWidth);
  }

  /**
   * Whether the interval is defined (neither bound NaN).
   *
   * @return {@code true} when defined
   */
  public boolean isDefined() {
    return !Double.isNaN(lower) && !Double.isNaN(upper);
  }

  /**
   * Whether a value lies inside, bounds included.
   *
   * @param value the value
   * @return {@code true} when inside
   */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /**
   * The width.
   *
   * @return {@code upper - lower}
   */
  public double width() {
    return upper - lower;
  }

  /**
   * This interval with both bounds multiplied by a positive factor (e.g. 100 for points).
   *
   * @param factor the factor, {@code > 0}
   * @return the scaled interval
   */
  public Interval scaled(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("scale factor must be > 0, was " + factor);
    }
    return new Interval(lower * factor, upper * factor);
  }
}
