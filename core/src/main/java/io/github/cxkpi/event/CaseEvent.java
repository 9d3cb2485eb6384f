package io.github.cxkpi.event;

import io.github.cxkpi.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event in the life of a case (ticket): opened, first response, solved, reopened, closed.
 * Each event carries the instant its case was opened (as ticketing systems' event logs do), so
 * that a duration is known from the event alone: first response time from a
 * {@link CaseStatus#FIRST_RESPONSE} event, time to the first solve from a
 * {@link CaseStatus#SOLVED} event with no reopen before it, time to the final solve from a
 * {@link CaseStatus#CLOSED} event that carries its last solve.
 *
 * <p>An event may also carry the time its case spent pending on the requester (a ticketing
 * system's "pending", "on hold for the customer" or "awaiting user info" status) from its
 * opening up to the event (up to its last solve when it has one): time to resolution less that
 * time is the requester wait time. It is {@code null} when the source does not say.
 *
 * @param customerId the customer's id, not blank
 * @param instant when the event happened
 * @param channel the channel the case came through
 * @param stage the journey stage (usually {@link JourneyStage#POST_PURCHASE})
 * @param touchpoint the touchpoint, or {@code null}
 * @param attributes free attributes for segmentation
 * @param caseId the case (ticket) id, not blank
 * @param status what happened
 * @param opened when the case was opened: at or before the instant; equal to it for
 *     {@link CaseStatus#OPENED}
 * @param solved when the case was last solved, or {@code null}: from the opening to the
 *     instant; for {@link CaseStatus#SOLVED} null or the instant itself; none for
 *     {@link CaseStatus#OPENED} and {@link CaseStatus#REOPENED}
 * @param agent the agent, or {@code null}
 * @param reopenCount how often the case was reopened before this event, {@code >= 0}
 * @param withinSla whether the case met its service-level agreement as the source system
 *     flags it, or {@code null} when not flagged
 * @param pending the time the case spent pending on the requester from its opening to its last
 *     solve (to the instant when it has none), or {@code null} when the source does not say:
 *     not negative, at most that span
 * @since 0.1.0
 */
public record CaseEvent(
    String customerId,
    Instant instant,
    Channel channel,
    JourneyStage stage,
    @Nullable String touchpoint,
    Map<String, String> attributes,
    String caseId,
    CaseStatus status,
    Instant opened,
    @Nullable Instant solved,
    @Nullable String agent,
    int reopenCount,
    @Nullable Boolean withinSla,
    @Nullable Duration pending)
    implements Interaction {

  /**
   * Validates every field; see the class description.
   *
   * @param customerId the customer's id, not blank
   * @param instant when the event happened
   * @param channel the channel the case came through
   * @param stage the journey stage
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes for segmentation
   * @param caseId the case (ticket) id, not blank
   * @param status what happened
   * @param opened when the case was opened, at or before the instant
   * @param solved when the case was last solved, or {@code null}
   * @param agent the agent, or {@code null}
   * @param reopenCount how often the case was reopened before this event, {@code >= 0}
   * @param withinSla the source's SLA flag, or {@code null}
   * @param pending the time pending on the requester, or {@code null}
   */
  public CaseEvent {
    Checks.notBlank(customerId, "customerId");
    Checks.instant(instant, MIN_INSTANT, MAX_INSTANT, "instant");
    Objects.requireNonNull(channel, "channel is null");
    Objects.requireNonNull(stage, "stage is null");
    Checks.nullOrNotBlank(touchpoint, "touchpoint");
    attributes = Checks.attributes(attributes);
    Checks.notBlank(caseId, "caseId");
    Objects.requireNonNull(status, "status is null");
    Checks.instant(opened, MIN_INSTANT, MAX_INSTANT, "opened");
    if (opened.isAfter(instant)) {
      throw new IllegalArgumentException("opened must be at or before the instant " + instant
          + ", was " + opened);
    }
    if (status == CaseStatus.OPENED && !opened.equals(instant)) {
      throw new IllegalArgumentException("an OPENED event is at its case's opening instant "
          + opened + ", but its instant was " + instant);
    }
    if (solved != null) {
      if (solved.isBefore(opened) || solved.isAfter(instant)) {
        throw new IllegalArgumentException("solved must be from opened " + opened
            + " to the instant " + instant + ", was " + solved);
      }
      if (status == CaseStatus.OPENED || status == CaseStatus.REOPENED) {
        throw new IllegalArgumentException("a " + status + " event has no solve instant, but "
            + "solved was " + solved);
      }
      if (status == CaseStatus.SOLVED && !solved.equals(instant)) {
        throw new IllegalArgumentException("a SOLVED event's solve instant is its instant "
            + instant + ", but solved was " + solved);
      }
    }
    if (reopenCount < 0) {
      throw new IllegalArgumentException("reopenCount must be >= 0, was " + reopenCount);
    }
    Checks.nullOrNotBlank(agent, "agent");
    if (pending != null) {
      if (pending.isNegative()) {
        throw new IllegalArgumentException("pending must not be negative, was " + pending);
      }
      boolean isSolved = status == CaseStatus.SOLVED || solved != null;
      Instant end = solved != null ? solved : instant;
      Duration span = Duration.between(opened, end);
      if (pending.compareTo(span) > 0) {
        throw new IllegalArgumentException("pending must be at most the span from opened "
            + opened + " to " + (isSolved ? "the solve " : "the instant ") + end + ", " + span
            + ", was " + pending);
      }
    }
  }

  /**
   * An event with no pending time ({@code null}); see the class description.
   *
   * @param customerId the customer's id, not blank
   * @param instant when the event happened
   * @param channel the channel the case came through
   * @param stage the journey stage
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes for segmentation
   * @param caseId the case (ticket) id, not blank
   * @param status what happened
   * @param opened when the case was opened, at or before the instant
   * @param solved when the case was last solved, or {@code null}
   * @param agent the agent, or {@code null}
   * @param reopenCount how often the case was reopened before this event, {@code >= 0}
   * @param withinSla the source's SLA flag, or {@code null}
   */
  public CaseEvent(String customerId, Instant instant, Channel channel, JourneyStage stage,
      @Nullable String touchpoint, Map<String, String> attributes, String caseId,
      CaseStatus status, Instant opened, @Nullable Instant solved, @Nullable String agent,
      int reopenCount, @Nullable Boolean withinSla) {
    this(customerId, instant, channel, stage, touchpoint, attributes, caseId, status, opened,
        solved, agent, reopenCount, withinSla, null);
  }

  /**
   * The requester wait time: from the opening to the last solve, less the time pending on the
   * requester; known when the event carries both a solve instant and a pending time.
   *
   * @return the requester wait time, or {@code null}
   */
  public @Nullable Duration requesterWait() {
    Instant end = solvedAt();
    return end == null || pending == null ? null : Duration.between(opened, end).minus(pending);
  }

  /**
   * When the case was solved as far as this event says: the instant of a
   * {@link CaseStatus#SOLVED} event, else {@link #solved()}.
   *
   * @return the solve instant, or {@code null}
   */
  public @Nullable Instant solvedAt() {
    return status == CaseStatus.SOLVED ? instant : solved;
  }

  /**
   * Starts an event of a case; the rest defaults to channel {@link Channel#UNKNOWN}, stage
   * {@link JourneyStage#POST_PURCHASE}, opened at the instant, no touchpoint, solve instant or
   * agent, no reopen, no SLA flag.
   *
   * @param customerId the customer's id
   * @param caseId the case's id
   * @param status what happened
   * @param instant when it happened
   * @return a builder
   */
  public static Builder builder(String customerId, String caseId, CaseStatus status,
      Instant instant) {
    return new Builder(customerId, caseId, status, instant);
  }

  /** Builds a {@link CaseEvent}; not thread-safe. */
  public static final class Builder {
    private final String customerId;
    private final String caseId;
    private final CaseStatus status;
    private final Instant instant;
    private Channel channel = Channel.UNKNOWN;
    private JourneyStage stage = JourneyStage.POST_PURCHASE;
    private @Nullable String touchpoint;
    private final Map<String, String> attributes = new HashMap<>();
    private @Nullable Instant opened;
    private @Nullable Instant solved;
    private @Nullable String agent;
    private int reopenCount;
    private @Nullable Boolean withinSla;
    private @Nullable Duration pending;

    private Builder(String customerId, String caseId, CaseStatus status, Instant instant) {
      this.customerId = customerId;
      this.caseId = caseId;
      this.status = status;
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
     * Sets when the case was opened (by default the event's instant).
     *
     * @param opened the opening instant
     * @return this builder
     */
    public Builder opened(Instant opened) {
      this.opened = opened;
      return this;
    }

    /**
     * Sets when the case was last solved.
     *
     * @param solved the solve instant, or {@code null}
     * @return this builder
     */
    public Builder solved(@Nullable Instant solved) {
      this.solved = solved;
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
     * Sets how often the case was reopened before this event.
     *
     * @param reopenCount the count, {@code >= 0}
     * @return this builder
     */
    public Builder reopenCount(int reopenCount) {
      this.reopenCount = reopenCount;
      return this;
    }

    /**
     * Sets the source system's SLA flag.
     *
     * @param withinSla whether the case met its SLA, or {@code null}
     * @return this builder
     */
    public Builder withinSla(@Nullable Boolean withinSla) {
      this.withinSla = withinSla;
      return this;
    }

    /**
     * Sets the time the case spent pending on the requester.
     *
     * @param pending the time, not negative, at most the span from the opening to the last
     *     solve (to the instant when there is none), or {@code null} when unknown
     * @return this builder
       */
    public Builder pending(@Nullable Duration pending) {
      this.pending = pending;
      return this;
    }

    /**
     * Builds the event, validating every field.
     *
     * @return the event
     */
    public CaseEvent build() {
      return new CaseEvent(customerId, instant, channel, stage, touchpoint, attributes, caseId,
          status, opened == null ? instant : opened, solved, agent, reopenCount, withinSla,
          pending);
    }
  }
}
