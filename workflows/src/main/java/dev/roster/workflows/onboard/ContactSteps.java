package dev.roster.workflows.onboard;

import static dev.roster.workflows.onboard.AccountOnboarding.CONTACT;
import static dev.roster.workflows.onboard.AccountOnboarding.LISTS;
import static dev.roster.workflows.onboard.AccountOnboarding.REWRITE;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.StepFailed;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Locale;

/**
 * The contact side of one account's onboarding: the contact upsert and the list subscriptions, on
 * the account's contacts queue, recorded in the account's step log.
 */
final class ContactSteps {
  private final Assignment assignment;
  private final AccountInfo info;
  private final StepLog steps;
  private final ContactActivities contacts;

  ContactSteps(Assignment assignment, AccountInfo info, StepLog steps) {
    this.assignment = assignment;
    this.info = info;
    this.steps = steps;
    this.contacts =
        Workflow.newActivityStub(
            ContactActivities.class,
            RosterActivityOptions.vendorCall(
                info.contactsTaskQueue(), "contacts: " + assignment.account()));
  }

  /** Writes the contact, or records that the vendor keeps none by API. */
  void upsertContact(Person person) {
    if (!info.capabilities().contacts()) {
      steps.set(CONTACT, StepState.SKIPPED, info.vendor() + " keeps no contacts by API");
      return;
    }
    steps.run(
        CONTACT,
        () ->
            contacts
                .upsertContact(assignment.account(), contactData(person))
                .name()
                .toLowerCase(Locale.ROOT));
  }

  /** Subscribes to the assignment's lists; a vendor without lists fails the step. */
  void subscribe(Person person) {
    if (assignment.listsOrEmpty().isEmpty()) {
      return;
    }
    if (!info.capabilities().lists()) {
      steps.set(LISTS, StepState.FAILED, info.vendor() + " has no lists to subscribe to");
      throw new StepFailed(LISTS);
    }
    steps.run(LISTS, () -> subscribeRewriting(person, assignment.listsOrEmpty(), ""));
  }

  /**
   * Subscribes; when the vendor no longer holds the contact the contact step wrote (it answered
   * without writing, or it was deleted since), writes the contact again once and subscribes again
   * instead of failing the step (versioned: histories from before replay the plain call).
   */
  String subscribeRewriting(Person person, List<String> lists, String note) {
    String account = assignment.account();
    String done = "subscribed to " + String.join(", ", lists) + note;
    try {
      contacts.subscribe(account, person.email(), lists);
      return done;
    } catch (ActivityFailure e) {
      if (!contactMissing(e)
          || Workflow.getVersion(REWRITE, Workflow.DEFAULT_VERSION, 1)
              == Workflow.DEFAULT_VERSION) {
        throw e;
      }
    }
    contacts.upsertContact(account, contactData(person));
    contacts.subscribe(account, person.email(), lists);
    return done + " (the contact had gone missing and was written again)";
  }

  private static boolean contactMissing(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure af
        && FailureTypes.CONTACT_MISSING.equals(af.getType());
  }

  private ContactData contactData(Person person) {
    return new ContactData(
        person.email(), person.firstName(), person.lastName(), assignment.attributesOrEmpty());
  }
}
