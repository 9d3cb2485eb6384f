package io.github.cxkpi.fcr;

/**
 * What two contacts of one key at the same instant (a gap of zero) are.
 *
 * @since 0.1.0
 */
public enum SameInstantContacts {
  /**
   * The default: two contacts, the second a repeat of the first. A gap of zero is within any
   * window (a gap of exactly W is a repeat, and 0 is at most W); the customer
   * reached out twice, so the first contact did not resolve the issue: the episode has two
   * contacts and is not resolved at first contact, and the first contact counts as repeated.
   */
  REPEAT,
  /**
   * One contact recorded twice (e.g. by two systems, or a call and its transcript): the
   * copies count as one contact, resolved by the agent if any copy is marked so, and the
   * extra copies are counted in {@link RepeatContactResult#duplicateContacts()}, never
   * silently dropped. Choose it when the source logs one contact more than once.
   */
  DUPLICATE
}
