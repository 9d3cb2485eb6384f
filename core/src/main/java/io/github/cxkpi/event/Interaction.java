package io.github.cxkpi.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something a customer did with the company, as the KPIs consume it: a survey response or a
 * service contact. Immutable and validated when built.
 */
public sealed interface Interaction permits SurveyResponse, ServiceContact {

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
