package dev.roster.workflows.onboard;

import java.util.List;

/**
 * What {@code amend} adds to a running OnboardUser: vendor accounts it does not have yet (with a
 * role that needs no approval, and lists), and lists on accounts it has. An amendment never removes
 * anything or changes a role.
 *
 * @param assignments the accounts and lists to add; an account the request already has may repeat
 *     its role (or give none) and names only the lists to add
 * @param by who amends (recorded in the status)
 * @param source where it came from: {@code cli}, {@code temporal-cli}
 */
public record OnboardAmendment(List<Assignment> assignments, String by, String source) {

  public List<Assignment> assignmentsOrEmpty() {
    return assignments == null ? List.of() : assignments;
  }
}
