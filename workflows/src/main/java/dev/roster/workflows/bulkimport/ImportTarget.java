package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * One vendor account to import into.
 *
 * @param account the account id from configuration
 * @param lists vendor list ids every imported contact is subscribed to; may be empty
 */
public record ImportTarget(String account, List<String> lists) {
  public List<String> listsOrEmpty() {
    return lists == null ? List.of() : lists;
  }
}
