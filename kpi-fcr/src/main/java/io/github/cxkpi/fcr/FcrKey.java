package io.github.cxkpi.fcr;

import io.github.cxkpi.event.ServiceContact;
import java.util.Objects;

/** What makes two contacts "the same issue" for repeat-contact FCR. */
public enum FcrKey {
  /** The customer: the default where no contact reason is known. */
  CUSTOMER,
  /** The customer and the contact reason (a contact without a reason has reason ""). */
  CUSTOMER_AND_REASON,
  /** The case (ticket): one-touch resolution. Contacts without a case id are refused. */
  CASE;

  /**
   * The key of a contact.
   *
   * @param contact the contact
   * @return its key
   * @throws IllegalArgumentException for {@link #CASE} when the contact has no case id
   */
  public String of(ServiceContact contact) {
    Objects.requireNonNull(contact, "contact is null");
    switch (this) {
      case CUSTOMER:
        return contact.customerId();
      case CUSTOMER_AND_REASON: {
        String reason = contact.reason();
        return contact.customerId() + '\u001F' + (reason == null ? "" : reason);
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
