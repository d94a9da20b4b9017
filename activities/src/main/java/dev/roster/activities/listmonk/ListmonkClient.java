package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.Secret;
import dev.roster.activities.listmonk.ListmonkTransport.Reply;
import dev.roster.activities.listmonk.ListmonkTypes.MailingList;
import dev.roster.activities.listmonk.ListmonkTypes.Subscriber;
import dev.roster.activities.listmonk.ListmonkWire.ListAction;
import dev.roster.activities.listmonk.ListmonkWire.SubscriberBody;
import dev.roster.activities.listmonk.ListmonkWire.SubscriberRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A self-hosted listmonk over HTTP (vendors.md §3). One instance per listmonk account; thread-safe.
 * Every method takes one permit from the account's single {@code api} {@link RateBudget} (listmonk
 * has no rate limiting of its own, so the budget protects the instance and its PostgreSQL) and
 * throws the {@code dev.roster.activities.http} exceptions, plus {@link ListmonkPermissionDenied}.
 * Subscribers and lists live here; users and roles in {@link #users()}, the import in {@link
 * #imports()}.
 */
public final class ListmonkClient {
  static final String VENDOR = "listmonk";

  /** listmonk sends no request id; a reverse proxy in front of it often adds one. */
  public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id");

  private final ListmonkTransport transport;
  private final ListmonkUsersApi users;
  private final ListmonkImportApi imports;
  private final ListmonkSearch search;

  /**
   * @param baseUrl the instance root, e.g. {@code https://lists.example.com}; paths go under /api
   * @param apiUser the API user's name (Admin → Users, type "API")
   * @param token that user's token
   * @param api the instance's budget
   * @param http from {@code VendorHttp.newClient("listmonk", REQUEST_ID_HEADERS)}
   */
  public ListmonkClient(
      HttpUrl baseUrl, String apiUser, Secret token, RateBudget api, OkHttpClient http) {
    requireNonNull(apiUser, "apiUser is null");
    if (apiUser.isBlank() || apiUser.contains(":")) {
      throw new IllegalArgumentException("apiUser must be a listmonk user name without ':'");
    }
    this.transport =
        new ListmonkTransport(
            requireNonNull(baseUrl, "baseUrl is null"),
            apiUser,
            requireNonNull(token, "token is null"),
            requireNonNull(api, "api is null"),
            requireNonNull(http, "http is null"));
    this.users = new ListmonkUsersApi(transport);
    this.imports = new ListmonkImportApi(transport);
    this.search = new ListmonkSearch(transport);
  }

  /** The users and roles endpoints, on the same transport and budget. */
  public ListmonkUsersApi users() {
    return users;
  }

  /** The subscriber import, on the same transport and budget. */
  public ListmonkImportApi imports() {
    return imports;
  }

  /** Creates a subscriber. POST /api/subscribers. Conflict (409) when the email exists. */
  public Subscriber createSubscriber(
      String email, String name, Map<String, Object> attribs, List<Long> lists) {
    var body = new SubscriberRequest(email, name, "enabled", lists, attribs, true);
    Reply reply = transport.send("createSubscriber", post(transport.url("subscribers"), body));
    SubscriberBody created = reply.data(SubscriberBody.class);
    // The subscriber in the answer, with its id, is listmonk's word that it exists.
    if (created.id() == null
        || created.email() == null
        || !created.email().trim().equalsIgnoreCase(email.trim())) {
      throw reply.unreadable("no subscriber for the address");
    }
    return subscriber(created);
  }

  /**
   * The subscriber with this id, or empty: listmonk answers a missing id with 400 "… not found",
   * not 404 (vendors.md §3), so that one 400 means absent and any other 400 stays Rejected.
   */
  public Optional<Subscriber> getSubscriber(long id) {
    HttpUrl.Builder url = transport.url("subscribers").addPathSegment(Long.toString(id));
    try {
      return Optional.of(
          subscriber(transport.send("getSubscriber", get(url)).data(SubscriberBody.class)));
    } catch (Rejected e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The subscriber with this address (case-insensitive), or empty. Uses the SQL {@code query}
   * parameter; when the API user lacks {@code subscribers:sql_query} (403, v5+) it falls back to
   * the free-text {@code search} for the rest of this client's life.
   */
  public Optional<Subscriber> findByEmail(String email) {
    return search.findByEmail(email);
  }

  /**
   * Replaces a subscriber. PUT /api/subscribers/{id} is a full replace: omitted lists are dropped
   * and omitted attributes erased (vendors.md §3), so callers pass everything to keep.
   */
  public Subscriber replaceSubscriber(
      long id,
      String email,
      String name,
      String status,
      Map<String, Object> attribs,
      List<Long> lists) {
    var body = new SubscriberRequest(email, name, status, lists, attribs, false);
    HttpUrl.Builder url = transport.url("subscribers").addPathSegment(Long.toString(id));
    return subscriber(
        transport.send("replaceSubscriber", put(url, body)).data(SubscriberBody.class));
  }

  /**
   * Blocklists a subscriber (and unsubscribes it everywhere). PUT /api/subscribers/{id}/blocklist.
   */
  public void blocklistSubscriber(long id) {
    HttpUrl.Builder url =
        transport.url("subscribers").addPathSegment(Long.toString(id)).addPathSegment("blocklist");
    transport
        .send(
            "blocklistSubscriber",
            new Request.Builder().url(url.build()).put(RequestBody.create(new byte[0], null)))
        .expectTrue();
  }

  /** Deletes a subscriber and its history. DELETE /api/subscribers/{id}; absent ids succeed. */
  public void deleteSubscriber(long id) {
    HttpUrl.Builder url = transport.url("subscribers").addPathSegment(Long.toString(id));
    transport
        .send("deleteSubscriber", new Request.Builder().url(url.build()).delete())
        .expectTrue();
  }

  /**
   * Adds, removes or unsubscribes subscribers to or from lists. PUT /api/subscribers/lists.
   *
   * @param action add, remove or unsubscribe
   * @param status for add: unconfirmed, confirmed or unsubscribed; null otherwise
   */
  public void changeLists(
      List<Long> subscriberIds, String action, List<Long> listIds, String status) {
    var body = new ListAction(subscriberIds, action, listIds, "add".equals(action) ? status : null);
    transport.send("changeLists", put(transport.url("subscribers/lists"), body)).expectTrue();
  }

  /** Every mailing list. GET /api/lists?per_page=all. */
  public List<MailingList> listLists() {
    HttpUrl.Builder url = transport.url("lists").addQueryParameter("per_page", "all");
    ListmonkWire.ListPage page =
        transport.send("listLists", get(url)).data(ListmonkWire.ListPage.class);
    return page.results() == null
        ? List.of()
        : page.results().stream().map(l -> new MailingList(l.id(), l.name())).toList();
  }

  /** Whether a vendor exception is listmonk's 400 "… not found". */
  static boolean isNotFound(Rejected e) {
    return e.status() == 400
        && e.vendorMessage() != null
        && e.vendorMessage().toLowerCase(Locale.ROOT).contains("not found");
  }

  static Subscriber subscriber(SubscriberBody s) {
    Map<Long, String> subscriptions = new LinkedHashMap<>();
    if (s.lists() != null) {
      s.lists().forEach(l -> subscriptions.put(l.id(), l.subscriptionStatus()));
    }
    return new Subscriber(
        s.id() == null ? 0 : s.id(),
        s.email(),
        s.name(),
        s.attribs() == null ? Map.of() : s.attribs(),
        s.status(),
        subscriptions);
  }

  private static Request.Builder get(HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).get();
  }

  private static Request.Builder post(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).post(ListmonkTransport.json(body));
  }

  private static Request.Builder put(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).put(ListmonkTransport.json(body));
  }
}
