package io.github.cxkpi.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks whose messages name the field, the value and the rule. */
public final class Checks {
  private Checks() {}

  /**
   * Requires a non-null, non-blank {@link #text}.
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
    return text(value, field);
  }

  /** The longest text an event holds, in UTF-8 bytes (the codec's string limit). */
  public static final int MAX_TEXT_BYTES = 4096;

  /**
   * Requires a text that UTF-8 carries unchanged and the codec can write: no lone surrogate,
   * at most {@link #MAX_TEXT_BYTES} UTF-8 bytes. The message quotes at most the text's start.
   *
   * @param value the value
   * @param field the field's name, for the message
   * @return the value
   */
  public static String text(String value, String field) {
    long bytes = 0;
    int lone = -1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        if (Character.isSurrogate(c) && lone < 0) {
          lone = i;
        }
        bytes += 3;
      }
    }
    if (bytes > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT_BYTES
          + " UTF-8 bytes, was " + bytes + " bytes: '" + start(value) + "'");
    }
    if (lone >= 0) {
      throw new IllegalArgumentException(field + " must be well-formed Unicode, but has a "
          + "lone surrogate U+" + Integer.toHexString(value.charAt(lone))
              .toUpperCase(java.util.Locale.ROOT)
          + " at index " + lone + ": '" + start(value) + "'");
    }
    return value;
  }

  /**
   * The start of a text, for messages: at most 40 characters, never half a surrogate pair.
   *
   * @param value the text
   * @return its start, with "..." when cut
   */
  public static String start(String value) {
    if (value.length() <= 40) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(39)) ? 39 : 40;
    return value.substring(0, end) + "...";
  }

  /**
   * Requires an instant an event may carry: from 1970-01-01T00:00:00Z (inclusive) to
   * 2200-01-01T00:00:00Z (exclusive).
   *
   * @param instant the instant
   * @param min the earliest allowed
   * @param max the first instant after the allowed range
   * @param field the field's name, for the message
   * @return the instant
   */
  public static Instant instant(@Nullable Instant instant,
      Instant min, Instant max, String field) {
    Objects.requireNonNull(instant, () -> field + " is null");
    if (instant.isBefore(min) || !instant.isBefore(max)) {
      throw new IllegalArgumentException(field + " " + instant + " is outside the supported "
          + "range " + min + " (inclusive) to " + max + " (exclusive)");
    }
    return instant;
  }

  /**
   * Requires a null or non-blank {@link #text}.
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
    return value == null ? null : text(value, field);
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
    // Sums of squared weights over up to 2^63 answers must stay finite and normal, or every
    // interval would be NaN: 1e-100..1e100 keeps them within 1e-200..1e219.
    if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(field + " must be between " + MIN_WEIGHT + " and "
          + MAX_WEIGHT + " (so that sums of squared weights stay finite), was " + weight);
    }
    return weight;
  }

  /** The smallest weight accepted. */
  public static final double MIN_WEIGHT = 1e-100;

  /** The largest weight accepted. */
  public static final double MAX_WEIGHT = 1e100;

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
      text(e.getKey(), "attribute name");
      text(e.getValue(), "attribute '" + start(e.getKey()) + "'");
    }
    return Map.copyOf(attributes);
  }
}
