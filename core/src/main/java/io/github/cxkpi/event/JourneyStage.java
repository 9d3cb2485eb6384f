package io.github.cxkpi.event;

/**
 * The stage of the customer journey at which an interaction happened.
 *
 * <p>Customer service, the human and mostly post-purchase part of the experience, lives in
 * {@link #POST_PURCHASE}; the other stages belong to the wider customer experience.
 *
 * @since 0.1.0
 */
public enum JourneyStage {
  /** The customer learns that the company exists. */
  AWARENESS,
  /** The customer compares and evaluates. */
  CONSIDERATION,
  /** The customer buys. */
  PURCHASE,
  /** Delivery, use, support and service after the purchase. */
  POST_PURCHASE
}
