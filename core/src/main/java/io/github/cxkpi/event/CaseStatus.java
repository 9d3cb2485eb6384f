package io.github.cxkpi.event;

/**
 * What happened to a case (ticket) in a {@link CaseEvent}.
 *
 * @since 0.1.0
 */
public enum CaseStatus {
  /** The case was opened (created). */
  OPENED,
  /** An agent answered the customer for the first time on this case. */
  FIRST_RESPONSE,
  /** The case was solved (resolved); it may still be reopened. */
  SOLVED,
  /** A solved case was reopened. */
  REOPENED,
  /** The case was closed: no further reopening; its last solve is final. */
  CLOSED
}
