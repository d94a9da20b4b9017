package dev.roster.workflows.contacts;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Contact and list operations on one vendor account, on its contacts activity queue. Failure types
 * as in {@link dev.roster.workflows.team.TeamActivities}.
 */
@ActivityInterface
public interface ContactActivities {

  /** Creates the contact or updates an existing one. Idempotent. */
  @ActivityMethod
  ContactOutcome upsertContact(String account, ContactData contact);

  /**
   * Subscribes an existing contact to lists (vendor list ids). Idempotent: already subscribed is
   * success. An unknown list fails with Rejected.
   */
  @ActivityMethod
  void subscribe(String account, String email, List<String> listIds);

  /** What the account holds about the address. Read-only; an unknown person is {@code absent}. */
  @ActivityMethod
  ContactFootprint findContact(String account, String email);

  /**
   * Unsubscribes (or removes) the contact from every list. Idempotent; returns how many lists it
   * left.
   */
  @ActivityMethod
  int unsubscribeAll(String account, String email);

  /**
   * Unsubscribes (or removes) the contact from these lists (vendor list ids) only. Idempotent: a
   * list it is not on, or no contact at all, is success; returns how many lists it left.
   */
  @ActivityMethod
  int unsubscribe(String account, String email, List<String> listIds);

  /**
   * Suppresses the address account-wide (blocklist, exclusion, blacklist). Idempotent; returns
   * whether anything changed.
   */
  @ActivityMethod
  boolean suppress(String account, String email);

  /**
   * Erases the person's contact data and verifies by reading back. Irreversible. Idempotent: an
   * absent person is ABSENT; a record the vendor will not delete is UNDELETABLE, not a failure.
   */
  @ActivityMethod
  EraseOutcome erase(String account, String email);
}
