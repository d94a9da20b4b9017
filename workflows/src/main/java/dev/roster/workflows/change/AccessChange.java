package dev.roster.workflows.change;

import java.util.List;

/**
 * What changes for the person on one vendor account they already have.
 *
 * @param account the vendor account id from configuration
 * @param role the new team role ({@code viewer}, {@code editor}, {@code admin}), or null to leave
 *     the role as it is
 * @param addLists vendor list ids to subscribe the contact to; may be null
 * @param removeLists vendor list ids to unsubscribe the contact from; may be null
 */
public record AccessChange(
    String account, String role, List<String> addLists, List<String> removeLists) {

  public List<String> addListsOrEmpty() {
    return addLists == null ? List.of() : addLists;
  }

  public List<String> removeListsOrEmpty() {
    return removeLists == null ? List.of() : removeLists;
  }
}
