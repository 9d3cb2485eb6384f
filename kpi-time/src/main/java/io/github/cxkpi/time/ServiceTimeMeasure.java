package io.github.cxkpi.time;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which duration a service-time KPI measures, and from which interactions.
 *
 * @since 0.1.0
 */
public enum ServiceTimeMeasure {
  /**
   * First response time: case opened to the first agent response
   * ({@link CaseStatus#FIRST_RESPONSE} events).
   */
  FIRST_RESPONSE("first response time"),
  /**
   * Time to the first solve: case opened to its first {@link CaseStatus#SOLVED} event (one with
   * no reopen before it).
   */
  FIRST_RESOLUTION("time to first resolution"),
  /**
   * Time to the final solve: case opened to its last solve, known when it is
   * {@link CaseStatus#CLOSED} (closed events that carry their solve instant).
   */
  FINAL_RESOLUTION("time to final resolution"),
  /** Handle time per contact: talk, hold and wrap-up ({@link ServiceContact#handleTime()}). */
  HANDLE("handle time"),
  /**
   * Speed of answer: queued to answered, for contacts that were answered
   * ({@link ServiceContact#waitTime()}, not abandoned).
   */
  SPEED_OF_ANSWER("speed of answer"),
  /**
   * Requester wait time: case opened to its final solve less the time it spent pending on the
   * requester ({@link CaseEvent#requesterWait()}), from {@link CaseStatus#CLOSED} events that
   * carry their solve instant and a pending time.
   */
  REQUESTER_WAIT("requester wait time");

  private final String text;

  ServiceTimeMeasure(String text) {
    this.text = text;
  }

  /**
   * The measure's duration in an interaction, when the interaction is one it consumes.
   *
   * @param interaction the interaction
   * @return the duration, or {@code null} when the interaction is not this measure's
   */
  public @Nullable Duration durationOf(Interaction interaction) {
    switch (this) {
      case HANDLE:
        return interaction instanceof ServiceContact c ? c.handleTime() : null;
      case SPEED_OF_ANSWER:
        return interaction instanceof ServiceContact c && !c.abandoned() ? c.waitTime() : null;
      default:
        break;
    }
    if (!(interaction instanceof CaseEvent e)) {
      return null;
    }
    if (this == REQUESTER_WAIT) {
      return e.status() == CaseStatus.CLOSED ? e.requesterWait() : null;
    }
    Instant end = switch (this) {
      case FIRST_RESPONSE -> e.status() == CaseStatus.FIRST_RESPONSE ? e.instant() : null;
      case FIRST_RESOLUTION -> e.status() == CaseStatus.SOLVED && e.reopenCount() == 0
          ? e.instant() : null;
      case FINAL_RESOLUTION -> e.status() == CaseStatus.CLOSED ? e.solved() : null;
      default -> null;
    };
    return end == null ? null : Duration.between(e.opened(), end);
  }

  @Override
  public String toString() {
    return text;
  }
}
