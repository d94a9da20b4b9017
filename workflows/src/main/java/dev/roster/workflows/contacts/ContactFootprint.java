package dev.roster.workflows.contacts;

import java.util.List;

/**
 * What a vendor account holds about a person's contact, as discovered before offboarding.
 *
 * @param exists whether there is a contact (subscriber, recipient) for the address
 * @param lists vendor list ids the contact is subscribed to (not unsubscribed)
 * @param suppressed whether the address is already suppressed account-wide
 */
public record ContactFootprint(boolean exists, List<String> lists, boolean suppressed) {

  public static ContactFootprint absent() {
    return new ContactFootprint(false, List.of(), false);
  }
}
