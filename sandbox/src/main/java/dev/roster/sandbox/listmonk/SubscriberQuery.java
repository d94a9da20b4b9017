package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.listmonk.ListmonkWire.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/subscribers}: the paged listing with listmonk's filters, {@code query} (SQL, its
 * own permission since v5), {@code search} and {@code list_id} (vendors.md §3).
 */
final class SubscriberQuery {
  /**
   * The only SQL the fake understands: {@code subscribers.email='…'}, optionally as {@code
   * LOWER(subscribers.email)='…'}, with {@code ''} as an escaped quote. Anything else is a 400, as
   * an SQL error would be.
   */
  private static final Pattern EMAIL_QUERY =
      Pattern.compile(
          "^\\s*(lower\\(\\s*)?subscribers\\.email(\\s*\\))?\\s*=\\s*'((?:[^']|'')*)'\\s*$",
          Pattern.CASE_INSENSITIVE);

  private final ListmonkSubscribers subscribers;

  SubscriberQuery(ListmonkSubscribers subscribers) {
    this.subscribers = subscribers;
  }

  FakeResponse query(FakeRequest request, Set<String> permissions) {
    Map<String, List<String>> q = ListmonkWire.query(request);
    String sql = ListmonkWire.first(q, "query");
    String search = ListmonkWire.first(q, "search");
    String listId = ListmonkWire.first(q, "list_id");
    Predicate<SubscriberState> filter = s -> true;
    if (sql != null && !sql.isBlank()) {
      // Since v5 the query parameter needs its own permission (vendors.md §3).
      if (!permissions.contains("subscribers:sql_query")) {
        throw ListmonkError.forbidden("subscribers:sql_query");
      }
      filter = filter.and(sqlFilter(sql));
    }
    if (search != null && !search.isBlank()) {
      String needle = search.trim().toLowerCase(Locale.ROOT);
      filter =
          filter.and(
              s ->
                  s.email.toLowerCase(Locale.ROOT).contains(needle)
                      || s.name.toLowerCase(Locale.ROOT).contains(needle));
    }
    if (listId != null && !listId.isBlank()) {
      long id = ListmonkWire.id(listId);
      filter = filter.and(s -> s.subscriptions.containsKey(id));
    }
    Page page = Page.of(q);
    synchronized (subscribers) {
      List<SubscriberState> matched = subscribers.all().stream().filter(filter).toList();
      ArrayNode results = Json.MAPPER.createArrayNode();
      page.slice(matched).forEach(s -> results.add(subscribers.json(s)));
      return ListmonkWire.ok(page.body(results, matched.size(), search, sql));
    }
  }

  private static Predicate<SubscriberState> sqlFilter(String sql) {
    Matcher m = EMAIL_QUERY.matcher(sql);
    if (!m.matches()) {
      throw ListmonkError.invalid("Error querying subscribers: unsupported query in sandbox");
    }
    boolean lower = m.group(1) != null;
    if (lower != (m.group(2) != null)) {
      throw ListmonkError.invalid("Error querying subscribers: syntax error");
    }
    String literal = m.group(3).replace("''", "'");
    return lower
        ? s -> s.email.toLowerCase(Locale.ROOT).equals(literal)
        : s -> s.email.equals(literal);
  }
}
