package io.github.cxkpi.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something a customer did with the company, as the KPIs consume it: a survey response, a
 * service contact, or an event in the life of a case (ticket). Immutable and validated when
 * built: instants from {@link #MIN_INSTANT} (inclusive) to {@link #MAX_INSTANT} (exclusive);
 * every text (ids, question, touchpoint, attribute names and values) well-formed Unicode (no lone surrogate, which UTF-8 cannot carry
 * and a round trip through bytes would change) of at most {@link #MAX_TEXT_BYTES} UTF-8 bytes,
 * so that whatever an aggregator accepts, its bytes can carry.
 *
 * @since 0.1.0
 */
public sealed interface Interaction permits SurveyResponse, ServiceContact, CaseEvent {
  /** The earliest instant accepted: 1970-01-01T00:00:00Z. */
  Instant MIN_INSTANT = Instant.EPOCH;

  /** The first instant after the latest accepted: 2200-01-01T00:00:00Z. */
  Instant MAX_INSTANT = Instant.parse("2200-01-01T00:00:00Z");

  /** The longest text accepted, in UTF-8 bytes: 4096 (the codec's limit for a string). */
  int MAX_TEXT_BYTES = 4096;

  /**
   * The customer's identifier.
   *
   * @return the id, never blank
   */
  String customerId();

  /**
   * When it happened (event time).
   *
   * @return the instant
   */
  Instant instant();

  /**
   * Where it happened.
   *
   * @return the channel
   */
  Channel channel();

  /**
   * The journey stage.
   *
   * @return the stage
   */
  JourneyStage stage();

  /**
   * The touchpoint (e.g. "checkout", "delivery", "support"), if known.
   *
   * @return the touchpoint or {@code null}
   */
  @Nullable String touchpoint();

  /**
   * Free attributes for segmentation (region, product, agent...): an unmodifiable map.
   *
   * @return the attributes
   */
  Map<String, String> attributes();

  /**
   * One attribute.
   *
   * @param name the attribute's name
   * @return its value, if present
   */
  default Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes().get(name));
  }
}
