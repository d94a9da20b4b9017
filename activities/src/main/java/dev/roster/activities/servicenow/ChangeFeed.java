package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Poll mode's read: the records of a table changed at or after a {@code sys_updated_on} watermark,
 * oldest first (servicenow.md §4). Timestamps have one-second precision, so the query uses {@code
 * >=} and the caller de-duplicates by {@code (sys_id, sys_updated_on)}.
 */
public final class ChangeFeed {
  private static final Pattern GLIDE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

  private final ServiceNowClient client;

  public ChangeFeed(ServiceNowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * Up to {@code max} records changed at or after {@code watermark}, ordered by sys_updated_on then
   * sys_id. Read-only.
   *
   * @param filter an extra encoded query ANDed in (e.g. {@code cat_item=<id>}), or empty
   * @param watermark UTC {@code yyyy-MM-dd HH:mm:ss}, or null for everything
   * @param fields columns to return; sys_id and sys_updated_on are always added
   */
  public List<Map<String, String>> changedSince(
      String table, String filter, String watermark, List<String> fields, int pageSize, int max) {
    StringBuilder query = new StringBuilder();
    if (filter != null && !filter.isBlank()) {
      query.append(filter).append('^');
    }
    if (watermark != null) {
      if (!GLIDE_TIME.matcher(watermark).matches()) {
        throw new IllegalArgumentException("watermark must be yyyy-MM-dd HH:mm:ss");
      }
      String[] parts = watermark.split(" ");
      // gs.dateGenerate reads the date in the integration user's time zone: set it to UTC.
      query
          .append("sys_updated_on>=javascript:gs.dateGenerate('")
          .append(parts[0])
          .append("','")
          .append(parts[1])
          .append("')^");
    }
    query.append("ORDERBYsys_updated_on^ORDERBYsys_id");
    List<String> columns = new ArrayList<>(List.of("sys_id", "sys_updated_on"));
    fields.stream().filter(f -> !columns.contains(f)).forEach(columns::add);
    List<Map<String, String>> out = new ArrayList<>();
    int offset = 0;
    while (out.size() < max) {
      int limit = Math.min(pageSize, max - out.size());
      QueryPage page = client.query(table, query.toString(), columns, limit, offset);
      out.addAll(page.records());
      if (!page.hasMore()) {
        break;
      }
      offset += limit;
    }
    return out.size() > max ? out.subList(0, max) : out;
  }
}
