package dev.roster.activities.servicenow;

import java.util.List;
import java.util.Map;

/**
 * One page of a Table API query.
 *
 * @param records the rows the integration user may see, as column -> string
 * @param totalCount {@code X-Total-Count} (rows matching before ACLs), or -1 when absent
 * @param offset the offset this page was asked for
 * @param hasMore whether a next page exists ({@code Link rel="next"}, else the total count); a
 *     short or empty page alone does not end a query because limits apply before ACLs
 */
public record QueryPage(
    List<Map<String, String>> records, int totalCount, int offset, boolean hasMore) {
  public QueryPage {
    records = List.copyOf(records);
  }
}
