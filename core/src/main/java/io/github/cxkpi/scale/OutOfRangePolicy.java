package io.github.cxkpi.scale;

/**
 * What to do with an answer outside the definition's scale.
 *
 * @since 0.1.0
 */
public enum OutOfRangePolicy {
  /** Throw an {@link IllegalArgumentException} naming the score and the scale (the default). */
  REJECT,
  /** Count it as rejected: it is reported in the result, and left out of the KPI. */
  COUNT_AS_REJECTED
}
