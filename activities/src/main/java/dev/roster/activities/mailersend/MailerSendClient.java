package dev.roster.activities.mailersend;

import static dev.roster.activities.mailersend.MailerSendRequests.delete;
import static dev.roster.activities.mailersend.MailerSendRequests.get;
import static dev.roster.activities.mailersend.MailerSendRequests.post;
import static dev.roster.activities.mailersend.MailerSendRequests.put;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JavaType;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.mailersend.MailerSendTypes.BlocklistEntry;
import dev.roster.activities.mailersend.MailerSendTypes.Invite;
import dev.roster.activities.mailersend.MailerSendTypes.Recipient;
import dev.roster.activities.mailersend.MailerSendTypes.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * MailerSend v1 over HTTP (vendors.md §2). One instance per account; thread-safe. Every call takes
 * one permit from the account's single {@link RateBudget} (MailerSend: 60 per minute for every
 * endpoint but /email) and throws the {@code dev.roster.activities.http} exceptions.
 *
 * <p>Endpoints, confirmed in the official SDKs: users and invites in {@code
 * mailersend/mailersend-java:src/main/java/com/mailersend/sdk/users/Users.java} and {@code
 * mailersend/mailersend-python:mailersend/resources/users.py}; recipients and the blocklist in
 * {@code mailersend/mailersend-java:src/main/java/com/mailersend/sdk/recipients/Recipients.java},
 * {@code .../recipients/Suppressions.java}, {@code .../recipients/SuppressionAddBuilder.java} and
 * {@code mailersend/mailersend-python:mailersend/resources/recipients.py}.
 */
public final class MailerSendClient {
  static final String VENDOR = "mailersend";

  /** Unverified: MailerSend documents no request-id header; {@code x-request-id} is the habit. */
  public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id");

  private final ResponseReader reader;
  private final MailerSendTransport transport;

  /**
   * @param baseUrl e.g. {@code https://api.mailersend.com/v1}
   * @param budget the account's one budget ("api" family: 60 per minute)
   * @param http from {@code VendorHttp.newClient("mailersend", REQUEST_ID_HEADERS)}
   */
  public MailerSendClient(HttpUrl baseUrl, Secret token, RateBudget budget, OkHttpClient http) {
    this(baseUrl, token, budget, http, QuotaWatch.DEFAULT_LOW);
  }

  /**
   * @param lowQuota log a WARN when {@code x-apiquota-remaining} falls to this or below
   */
  public MailerSendClient(
      HttpUrl baseUrl, Secret token, RateBudget budget, OkHttpClient http, int lowQuota) {
    this.reader = new ResponseReader(RetryDelays.system(), new QuotaWatch(lowQuota));
    this.transport =
        new MailerSendTransport(
            requireNonNull(baseUrl, "baseUrl is null"),
            requireNonNull(token, "token is null"),
            requireNonNull(budget, "budget is null"),
            requireNonNull(http, "http is null"),
            reader);
  }

  /** The last {@code x-apiquota-remaining} seen; -1 when unlimited or nothing seen yet. */
  public long quotaRemaining() {
    return reader.quota().remaining();
  }

  /** Every user, all pages. GET /users?page&limit. */
  public List<User> listUsers() {
    return listAll(
        "listUsers",
        "users",
        MailerSendWire.User.class,
        u -> new User(u.id(), u.email(), u.role(), u.permissions()));
  }

  /** One user. GET /users/{id}; NotFound when absent. */
  public User getUser(String id) {
    MailerSendWire.User u =
        single("getUser", get(url("users").addPathSegment(id)), MailerSendWire.User.class);
    return new User(u.id(), u.email(), u.role(), u.permissions());
  }

  /**
   * Invites a person. POST /users; answers with the invite. Not idempotent on MailerSend's side.
   */
  public Invite inviteUser(String email, String role, List<String> permissions) {
    var body =
        new MailerSendWire.InviteUser(email, role, permissions == null ? List.of() : permissions);
    MailerSendWire.Invite sent =
        single("inviteUser", post(url("users"), body), MailerSendWire.Invite.class);
    // The invite in the answer, for this address, is MailerSend's word that it exists.
    if (sent.email() == null || !sent.email().trim().equalsIgnoreCase(email.trim())) {
      throw Answers.unreadable(VENDOR, "inviteUser", 200, "no invite for the address");
    }
    return invite(sent);
  }

  /** Changes a user's role and permissions. PUT /users/{id}. */
  public User updateUser(String id, String role, List<String> permissions) {
    var body = new MailerSendWire.UpdateUser(role, permissions == null ? List.of() : permissions);
    MailerSendWire.User u =
        single("updateUser", put(url("users").addPathSegment(id), body), MailerSendWire.User.class);
    return new User(u.id(), u.email(), u.role(), u.permissions());
  }

  /** Removes a user. DELETE /users/{id} (204); NotFound when absent. */
  public void deleteUser(String id) {
    send("deleteUser", delete(url("users").addPathSegment(id), null)).expectEmptyOrJson();
  }

  /** Every pending invite, all pages. GET /invites?page&limit. */
  public List<Invite> listInvites() {
    return listAll("listInvites", "invites", MailerSendWire.Invite.class, MailerSendClient::invite);
  }

  /** One invite. GET /invites/{id}; NotFound when absent. */
  public Invite getInvite(String id) {
    return invite(
        single("getInvite", get(url("invites").addPathSegment(id)), MailerSendWire.Invite.class));
  }

  /** Sends the invite email again. POST /invites/{id}/resend with {@code {}}. */
  public Invite resendInvite(String id) {
    HttpUrl.Builder url = url("invites").addPathSegment(id).addPathSegment("resend");
    return invite(single("resendInvite", post(url, Map.of()), MailerSendWire.Invite.class));
  }

  /** Withdraws a pending invite. DELETE /invites/{id} (204); NotFound when absent. */
  public void cancelInvite(String id) {
    send("cancelInvite", delete(url("invites").addPathSegment(id), null)).expectEmptyOrJson();
  }

  /** Every recipient, all pages. GET /recipients?page&limit (no email filter exists). */
  public List<Recipient> listRecipients() {
    return listAll(
        "listRecipients",
        "recipients",
        MailerSendWire.Recipient.class,
        r -> new Recipient(r.id(), r.email()));
  }

  /** Deletes a recipient and its data. DELETE /recipients/{id} (204); NotFound when absent. */
  public void deleteRecipient(String id) {
    send("deleteRecipient", delete(url("recipients").addPathSegment(id), null)).expectEmptyOrJson();
  }

  /** Every blocklist entry, all pages. GET /suppressions/blocklist?page&limit. */
  public List<BlocklistEntry> listBlocklist() {
    return listAll(
        "listBlocklist",
        "suppressions/blocklist",
        MailerSendWire.BlocklistEntry.class,
        b -> new BlocklistEntry(b.id(), b.type(), b.pattern()));
  }

  /**
   * Blocks addresses. POST /suppressions/blocklist {@code {"domain_id"?, "recipients"}} (201).
   *
   * @param domainId empty blocks on every domain of the account (no {@code domain_id} sent)
   */
  public List<BlocklistEntry> addToBlocklist(List<String> emails, Optional<String> domainId) {
    var body = new MailerSendWire.AddToBlocklist(domainId.orElse(null), emails);
    MailerSendReply reply = send("addToBlocklist", post(url("suppressions/blocklist"), body));
    JavaType type = listOf(MailerSendWire.BlocklistEntry.class);
    MailerSendWire.Single<List<MailerSendWire.BlocklistEntry>> data = reply.read(type);
    if (data.data() == null) {
      throw Answers.unreadable(VENDOR, "addToBlocklist", reply.status(), "no data");
    }
    List<BlocklistEntry> out = new ArrayList<>();
    data.data().forEach(b -> out.add(new BlocklistEntry(b.id(), b.type(), b.pattern())));
    return out;
  }

  /** Unblocks entries by id. DELETE /suppressions/blocklist {@code {"ids":[...]}}. */
  public void deleteFromBlocklist(List<String> ids) {
    send(
            "deleteFromBlocklist",
            delete(url("suppressions/blocklist"), new MailerSendWire.DeleteFromBlocklist(ids)))
        .expectEmptyOrJson();
  }

  private static JavaType listOf(Class<?> wire) {
    var types = VendorJson.MAPPER.getTypeFactory();
    return types.constructParametricType(
        MailerSendWire.Single.class, types.constructCollectionType(List.class, wire));
  }

  private static Invite invite(MailerSendWire.Invite i) {
    return new Invite(i.id(), i.email(), i.role(), i.permissions());
  }

  private HttpUrl.Builder url(String segments) {
    return transport.url(segments);
  }

  private <W, T> List<T> listAll(String operation, String path, Class<W> wire, Function<W, T> map) {
    return transport.listAll(operation, path, wire, map);
  }

  private <W> W single(String operation, Request.Builder request, Class<W> wire) {
    return transport.single(operation, request, wire);
  }

  private MailerSendReply send(String operation, Request.Builder request) {
    return transport.send(operation, request);
  }
}
