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
}
