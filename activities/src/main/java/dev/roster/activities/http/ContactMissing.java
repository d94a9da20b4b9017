package dev.roster.activities.http;

/**
 * A step needs a contact the vendor does not hold: the contact step's earlier write is gone (a
 * vendor that answered without writing, or someone deleted it since). Not retryable as such: the
 * workflow writes the contact again and repeats the step ({@code FailureTypes.CONTACT_MISSING}).
 */
public final class ContactMissing extends VendorException {
  public ContactMissing(String vendor, String operation, String requestId) {
    super(
        vendor,
        operation,
        0,
        requestId,
        false,
        "the contact does not exist (write it, then " + operation + " again)",
        null);
  }
}
