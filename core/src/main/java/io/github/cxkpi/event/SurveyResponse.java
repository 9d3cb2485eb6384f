package io.github.cxkpi.event;

import io.github.cxkpi.internal.Checks;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's answer to one survey question.
 *
 * @param customerId the customer's id, not blank
 * @param instant when the answer was given
 * @param channel the channel
 * @param stage the journey stage
 * @param touchpoint the touchpoint, or {@code null}
 * @param attributes free attributes for segmentation
 * @param question the question's id (e.g. "nps", "csat.checkout"), not blank
 * @param score the answer on the question's scale, or {@code null} for a blank answer
 * @param weight the response's survey weight: finite and positive, 1 when unweighted
 * @since 0.1.0
 */
public record SurveyResponse(
    String customerId,
    Instant instant,
    Channel channel,
    JourneyStage stage,
    @Nullable String touchpoint,
    Map<String, String> attributes,
    String question,
    @Nullable Integer score,
    double weight)
    implements Interaction {

  /**
   * Validates every field; see the class description.
   *
   * @param customerId the customer's id, not blank
   * @param instant when the answer was given
   * @param channel the channel
   * @param stage the journey stage
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes for segmentation
   * @param question the question's id (e.g. "nps", "csat.checkout"), not blank
   * @param score the answer on the question's scale, or {@code null} for a blank answer
   * @param weight the response's survey weight: finite and positive, 1 when unweighted
   */
  public SurveyResponse {
    Checks.notBlank(customerId, "customerId");
    Checks.instant(instant, MIN_INSTANT, MAX_INSTANT, "instant");
    Objects.requireNonNull(channel, "channel is null");
    Objects.requireNonNull(stage, "stage is null");
    Checks.nullOrNotBlank(touchpoint, "touchpoint");
    attributes = Checks.attributes(attributes);
    Checks.notBlank(question, "question");
    Checks.positiveWeight(weight, "weight");
  }

  /**
   * Starts a response of a customer at an instant; the rest defaults to channel
   * {@link Channel#UNKNOWN}, stage {@link JourneyStage#POST_PURCHASE}, no touchpoint, no
   * attributes, question "nps", a blank answer and weight 1.
   *
   * @param customerId the customer's id
   * @param instant when it was answered
   * @return a builder
   */
  public static Builder builder(String customerId, Instant instant) {
    return new Builder(customerId, instant);
  }

  /**
   * Whether the answer is blank (the respondent skipped the question).
   *
   * @return {@code true} when {@link #score()} is {@code null}
   */
  public boolean isBlank() {
    return score == null;
  }

  /** Builds a {@link SurveyResponse}; not thread-safe. */
  public static final class Builder {
    private final String customerId;
    private final Instant instant;
    private Channel channel = Channel.UNKNOWN;
    private JourneyStage stage = JourneyStage.POST_PURCHASE;
    private @Nullable String touchpoint;
    private final Map<String, String> attributes = new HashMap<>();
    private String question = "nps";
    private @Nullable Integer score;
    private double weight = 1.0;

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
     * Sets the question's id.
     *
     * @param question the id
     * @return this builder
     */
    public Builder question(String question) {
      this.question = question;
      return this;
    }

    /**
     * Sets the score.
     *
     * @param score the score
     * @return this builder
     */
    public Builder score(int score) {
      this.score = score;
      return this;
    }

    /**
     * Marks the answer blank.
     *
     * @return this builder
     */
    public Builder blank() {
      this.score = null;
      return this;
    }

    /**
     * Sets the survey weight.
     *
     * @param weight a finite, positive weight
     * @return this builder
     */
    public Builder weight(double weight) {
      this.weight = weight;
      return this;
    }

    /**
     * Builds the response, validating every field.
     *
     * @return the response
     */
    public SurveyResponse build() {
      return new SurveyResponse(
          customerId, instant, channel, stage, touchpoint, attributes, question, score, weight);
    }
  }
}
