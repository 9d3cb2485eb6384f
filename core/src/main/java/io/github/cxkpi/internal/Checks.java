package io.github.cxkpi.internal;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks whose messages name the field, the value and the rule. */
public final class Checks {
  private Checks() {}

  /**
   * Requires a non-null, non-blank string.
   *
   * @param value the value
   * @param field the field's name, for the message
   * @return the value
   */
  public static String notBlank(@Nullable String value, String field) {
    Objects.requireNonNull(value, () -> field + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
    return value;
  }

  /**
   * Requires a null or non-blank string.
   *
   * @param value the value
   * @param field the field's name, for the message
   * @return the value
   */
  public static @Nullable String nullOrNotBlank(@Nullable String value, String field) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(
          field + " must be absent (null) or not blank, was '" + value + "'");
    }
    return value;
  }

  /**
   * Requires a finite, strictly positive weight.
   *
   * @param weight the weight
   * @param field the field's name, for the message
   * @return the weight
   */
  public static double positiveWeight(double weight, String field) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          field + " must be finite and positive, was " + weight);
    }
    return weight;
  }

  /**
   * Requires a probability strictly between 0 and 1 (a confidence level).
   *
   * @param level the level
   * @return the level
   */
  public static double level(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be strictly between 0 and 1, was " + level);
    }
    return level;
  }

  /**
   * Copies a map of attributes, refusing null or blank names and null values.
   *
   * @param attributes the attributes
   * @return an unmodifiable copy
   */
  public static Map<String, String> attributes(@Nullable Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes is null");
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException(
            "attribute names must not be null or blank, was '" + e.getKey() + "'");
      }
      if (e.getValue() == null) {
        throw new NullPointerException("attribute '" + e.getKey() + "' has a null value");
      }
    }
    return Map.copyOf(attributes);
  }
}
