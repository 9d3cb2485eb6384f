package io.github.cxkpi.event;

import io.github.cxkpi.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's contact with customer service: a call, a chat, an e-mail, a ticket reply.
 *
 * @param customerId the customer's id, not blank
 * @param instant when the contact happened
 * @param channel the channel
 * @param stage the journey stage (usually {@link JourneyStage#POST_PURCHASE})
 * @param touchpoint the touchpoint, or {@code null}
 * @param attributes free attributes for segmentation
 * @param reason the contact reason, or {@code null} when unknown
 * @param caseId the case (ticket) id, or {@code null}
 * @param agent the agent who handled it, or {@code null}
 * @param resolvedByAgent whether the agent marked the contact resolved
 * @param waitTime the time in queue (queued to answered, or to abandoned), or {@code null} when
 *     unknown or not queued; not negative
 * @param handleTime the handle time (talk, hold and wrap-up), or {@code null} when unknown; not
 *     negative; an abandoned contact has none
 * @param abandoned whether the customer left the queue before an agent answered
 * @since 0.1.0
 */
public record ServiceContact(
    String customerId,
    Instant instant,
    Channel channel,
    JourneyStage stage,
    @Nullable String touchpoint,
    Map<String, String> attributes,
    @Nullable String reason,
    @Nullable String caseId,
    @Nullable String agent,
    boolean resolvedByAgent,
    @Nullable Duration waitTime,
    @Nullable Duration handleTime,
    boolean abandoned)
    implements Interaction {

  /**
   * Validates every field; see the class description.
   *
   * @param customerId the customer's id, not blank
   * @param instant when the contact happened
   * @param channel the channel
   * @param stage the journey stage (usually {@link JourneyStage#POST_PURCHASE})
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes for segmentation
   * @param reason the contact reason, or {@code null} when unknown
   * @param caseId the case (ticket) id, or {@code null}
   * @param agent the agent who handled it, or {@code null}
   * @param resolvedByAgent whether the agent marked the contact resolved
   * @param waitTime the time in queue, or {@code null}; not negative
   * @param handleTime the handle time, or {@code null}; not negative, and none when abandoned
   * @param abandoned whether the customer left the queue before an agent answered
   */
  public ServiceContact {
    Checks.notBlank(customerId, "customerId");
    Checks.instant(instant, MIN_INSTANT, MAX_INSTANT, "instant");
    Objects.requireNonNull(channel, "channel is null");
    Objects.requireNonNull(stage, "stage is null");
    Checks.nullOrNotBlank(touchpoint, "touchpoint");
    attributes = Checks.attributes(attributes);
    Checks.nullOrNotBlank(reason, "reason");
    Checks.nullOrNotBlank(caseId, "caseId");
    Checks.nullOrNotBlank(agent, "agent");
    nonNegative(waitTime, "waitTime");
    nonNegative(handleTime, "handleTime");
    if (abandoned && handleTime != null) {
      throw new IllegalArgumentException(
          "an abandoned contact has no handle time, but handleTime was " + handleTime);
    }
  }

  /**
   * A contact without durations (the form before service times): no wait, no handle time, not
   * abandoned.
   *
   * @param customerId the customer's id, not blank
   * @param instant when the contact happened
   * @param channel the channel
   * @param stage the journey stage (usually {@link JourneyStage#POST_PURCHASE})
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes for segmentation
   * @param reason the contact reason, or {@code null} when unknown
   * @param caseId the case (ticket) id, or {@code null}
   * @param agent the agent who handled it, or {@code null}
   * @param resolvedByAgent whether the agent marked the contact resolved
   */
  public ServiceContact(String customerId, Instant instant, Channel channel, JourneyStage stage,
      @Nullable String touchpoint, Map<String, String> attributes, @Nullable String reason,
      @Nullable String caseId, @Nullable String agent, boolean resolvedByAgent) {
    this(customerId, instant, channel, stage, touchpoint, attributes, reason, caseId, agent,
        resolvedByAgent, null, null, false);
  }

  private static void nonNegative(@Nullable Duration d, String field) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + d);
    }
  }

  /**
   * Starts a contact of a customer at an instant; the rest defaults to channel
   * {@link Channel#UNKNOWN}, stage {@link JourneyStage#POST_PURCHASE}, no touchpoint, reason,
   * case or agent, not marked resolved, no wait or handle time, not abandoned.
   *
   * @param customerId the customer's id
   * @param instant when it happened
   * @return a builder
   */
  public static Builder builder(String customerId, Instant instant) {
    return new Builder(customerId, instant);
  }

  /** Builds a {@link ServiceContact}; not thread-safe. */
  public static final class Builder {
    private final String customerId;
    private final Instant instant;
    private Channel channel = Channel.UNKNOWN;
    private JourneyStage stage = JourneyStage.POST_PURCHASE;
    private @Nullable String touchpoint;
    private final Map<String, String> attributes = new HashMap<>();
    private @Nullable String reason;
    private @Nullable String caseId;
    private @Nullable String agent;
    private boolean resolvedByAgent;
    private @Nullable Duration waitTime;
    private @Nullable Duration handleTime;
    private boolean abandoned;

    private Builder(String customerId, Instant instant) {
      this.customerId = customerId;
      this.instant = instant;
    }

    /**
     * Sets the channel.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets the journey stage.
     *
     * @param stage the stage
     * @return this builder
     */
    public Builder stage(JourneyStage stage) {
      this.stage = stage;
      return this;
    }

    /**
     * Sets the touchpoint.
     *
     * @param touchpoint the touchpoint, or {@code null}
     * @return this builder
     */
    public Builder touchpoint(@Nullable String touchpoint) {
      this.touchpoint = touchpoint;
      return this;
    }

    /**
     * Adds an attribute.
     *
     * @param name the attribute's name
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      Checks.notBlank(name, "attribute name");
      attributes.put(name, Objects.requireNonNull(value, () -> "attribute '" + name + "' is null"));
      return this;
    }

    /**
     * Sets the contact reason.
     *
     * @param reason the reason, or {@code null}
     * @return this builder
     */
    public Builder reason(@Nullable String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Sets the case id.
     *
     * @param caseId the case, or {@code null}
     * @return this builder
     */
    public Builder caseId(@Nullable String caseId) {
      this.caseId = caseId;
      return this;
    }

    /**
     * Sets the agent.
     *
     * @param agent the agent, or {@code null}
     * @return this builder
     */
    public Builder agent(@Nullable String agent) {
      this.agent = agent;
      return this;
    }

    /**
     * Sets whether the agent marked the contact resolved.
     *
     * @param resolved the mark
     * @return this builder
     */
    public Builder resolvedByAgent(boolean resolved) {
      this.resolvedByAgent = resolved;
      return this;
    }

    /**
     * Sets the time in queue (queued to answered, or to abandoned).
     *
     * @param waitTime the wait, not negative, or {@code null}
     * @return this builder
     */
    public Builder waitTime(@Nullable Duration waitTime) {
      this.waitTime = waitTime;
      return this;
    }

    /**
     * Sets the handle time (talk, hold and wrap-up).
     *
     * @param handleTime the handle time, not negative, or {@code null}
     * @return this builder
     */
    public Builder handleTime(@Nullable Duration handleTime) {
      this.handleTime = handleTime;
      return this;
    }

    /**
     * Sets whether the customer left the queue before an agent answered.
     *
     * @param abandoned the flag
     * @return this builder
     */
    public Builder abandoned(boolean abandoned) {
      this.abandoned = abandoned;
      return this;
    }

    /**
     * Builds the contact, validating every field.
     *
     * @return the contact
     */
    public ServiceContact build() {
      return new ServiceContact(
          customerId, instant, channel, stage, touchpoint, attributes, reason, caseId, agent,
          resolvedByAgent, waitTime, handleTime, abandoned);
    }
  }
}
