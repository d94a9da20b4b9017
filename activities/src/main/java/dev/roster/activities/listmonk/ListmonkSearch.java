package dev.roster.activities.listmonk;

import dev.roster.activities.http.EmailMask;
import dev.roster.activities.listmonk.ListmonkTransport.Reply;
import dev.roster.activities.listmonk.ListmonkTypes.Subscriber;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a subscriber by address for {@link ListmonkClient}: SQL query, else free-text search. */
final class ListmonkSearch {
  private static final Logger log = LoggerFactory.getLogger(ListmonkSearch.class);

  /** The search fallback reads at most this many pages of 50 (paginator maximum). */
  private static final int SEARCH_PAGES = 4;

  private final ListmonkTransport transport;
  private volatile boolean sqlQueryDenied;

  ListmonkSearch(ListmonkTransport transport) {
    this.transport = transport;
  }

  /**
   * The subscriber with this address (case-insensitive), or empty. Uses the SQL {@code query}
   * parameter; when the API user lacks {@code subscribers:sql_query} (403, v5+) it falls back to
   * the free-text {@code search} for the rest of this client's life.
   */
  Optional<Subscriber> findByEmail(String email) {
    if (!sqlQueryDenied) {
      try {
        return findByQuery(email);
      } catch (ListmonkPermissionDenied e) {
        sqlQueryDenied = true;
        log.warn("listmonk query permission missing permission={} fallback=search", e.permission());
      }
    }
    return findBySearch(email);
  }

  private Optional<Subscriber> findByQuery(String email) {
    HttpUrl.Builder url =
        transport
            .url("subscribers")
            .addQueryParameter("query", ListmonkQuery.emailEquals(email))
            .addQueryParameter("per_page", "50");
    return exactMatch(page("findSubscriberByQuery", url), email);
  }

  private Optional<Subscriber> findBySearch(String email) {
    for (int page = 1; page <= SEARCH_PAGES; page++) {
      HttpUrl.Builder url =
          transport
              .url("subscribers")
              .addQueryParameter("search", email)
              .addQueryParameter("page", Integer.toString(page))
              .addQueryParameter("per_page", "50");
      ListmonkWire.SubscriberPage found = page("findSubscriberBySearch", url);
      Optional<Subscriber> match = exactMatch(found, email);
      int total = found.total() == null ? 0 : found.total();
      if (match.isPresent() || page * 50 >= total) {
        return match;
      }
    }
    log.warn(
        "listmonk search fallback gave up email={} pages={}", EmailMask.mask(email), SEARCH_PAGES);
    return Optional.empty();
  }

  private ListmonkWire.SubscriberPage page(String operation, HttpUrl.Builder url) {
    Reply reply = transport.send(operation, new Request.Builder().url(url.build()).get());
    ListmonkWire.SubscriberPage page = reply.data(ListmonkWire.SubscriberPage.class);
    // No results is a found-nothing only when listmonk also says it counted none.
    if (page.results() == null && (page.total() == null || page.total() > 0)) {
      throw reply.unreadable("a page without results");
    }
    return page;
  }

  /** Whatever the server matched, only an exact address counts (defence in depth, see query). */
  private static Optional<Subscriber> exactMatch(ListmonkWire.SubscriberPage page, String email) {
    if (page.results() == null) {
      return Optional.empty();
    }
    return page.results().stream()
        .filter(s -> s.email() != null && s.email().trim().equalsIgnoreCase(email.trim()))
        .findFirst()
        .map(ListmonkClient::subscriber);
  }
}
