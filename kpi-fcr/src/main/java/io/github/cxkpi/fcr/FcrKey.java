package io.github.cxkpi.fcr;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.internal.Checks;
import java.util.Objects;

/**
 * What makes two contacts "the same issue" for repeat-contact FCR.
 *
 * @since 0.1.0
 */
public enum FcrKey {
  /** The customer: the default where no contact reason is known. */
  CUSTOMER,
  /**
   * The customer and the contact reason (a contact without a reason has reason ""), joined by
   * U+001F (the unit separator). So that two pairs never make one key, a customer id that
   * holds U+001F is refused; and so that a checkpoint can hold the joined key, it must fit the
   * codec's string limit of 4096 UTF-8 bytes even though each part does.
   */
  CUSTOMER_AND_REASON,
  /** The case (ticket): one-touch resolution. Contacts without a case id are refused. */
  CASE;

  /**
   * The key of a contact.
   *
   * @param contact the contact
   * @return its key
   * @throws IllegalArgumentException for {@link #CASE} when the contact has no case id; for
   *     {@link #CUSTOMER_AND_REASON} when the customer id holds U+001F or the joined key is
   *     longer than 4096 UTF-8 bytes
   */
  public String of(ServiceContact contact) {
    Objects.requireNonNull(contact, "contact is null");
    switch (this) {
      case CUSTOMER:
        return contact.customerId();
      case CUSTOMER_AND_REASON: {
        String reason = contact.reason();
        String customer = contact.customerId();
        int sep = customer.indexOf('\u001F');
        if (sep >= 0) {
          throw new IllegalArgumentException("customerId must not contain U+001F (the separator"
              + " of the key CUSTOMER_AND_REASON), found at index " + sep + ": '"
              + Checks.start(customer) + "'");
        }
        return Checks.notBlank(customer + '\u001F' + (reason == null ? "" : reason),
            "FCR key CUSTOMER_AND_REASON (customerId + U+001F + reason)");
      }
      case CASE: {
        String caseId = contact.caseId();
        if (caseId == null) {
          throw new IllegalArgumentException("contact of customer '" + contact.customerId()
              + "' at " + contact.instant() + " has no caseId, which the key CASE requires");
        }
        return caseId;
      }
      default:
        throw new AssertionError(this);
    }
  }
}
