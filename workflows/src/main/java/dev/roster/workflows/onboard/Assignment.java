package dev.roster.workflows.onboard;

import java.util.List;
import java.util.Map;

/**
 * What to do for the person on one vendor account.
 *
 * @param account the vendor account id from configuration
 * @param role the team role to invite with ({@code viewer}, {@code editor}, {@code admin}), or null
 *     for a contact only
 * @param lists vendor list ids to subscribe the contact to; may be empty
 * @param attributes contact properties by name; may be null
 */
public record Assignment(
    String account, String role, List<String> lists, Map<String, String> attributes) {

  public List<String> listsOrEmpty() {
    return lists == null ? List.of() : lists;
  }

  public Map<String, String> attributesOrEmpty() {
    return attributes == null ? Map.of() : attributes;
  }
}
