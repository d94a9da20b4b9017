package dev.roster.workflows.change;

import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.request.Person;
import java.util.List;

/**
 * The input of ChangeAccess (a mover). This is the JSON that {@code temporal workflow start --type
 * ChangeAccess --input ...} sends.
 *
 * @param person whose access changes (the email is what vendors know them by)
 * @param changes role and list changes on accounts the person has; may be empty
 * @param addAccounts accounts to add, as onboarding adds them (invitation, contact, lists); may be
 *     empty
 * @param removeAccounts account ids to remove, as offboarding removes them, never erasing; may be
 *     empty
 * @param ticket the ServiceNow ticket number, or null
 * @param requestedBy who asked; may never approve this request
 */
public record ChangeAccessRequest(
    Person person,
    List<AccessChange> changes,
    List<Assignment> addAccounts,
    List<String> removeAccounts,
    String ticket,
    String requestedBy) {

  public List<AccessChange> changesOrEmpty() {
    return changes == null ? List.of() : changes;
  }

  public List<Assignment> addAccountsOrEmpty() {
    return addAccounts == null ? List.of() : addAccounts;
  }

  public List<String> removeAccountsOrEmpty() {
    return removeAccounts == null ? List.of() : removeAccounts;
  }
}
