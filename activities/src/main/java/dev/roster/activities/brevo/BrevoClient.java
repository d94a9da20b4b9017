package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.activities.brevo.BrevoTypes.Contact;
import dev.roster.activities.brevo.BrevoTypes.ListAddResult;
import dev.roster.activities.brevo.BrevoTypes.OrganizationUser;
import dev.roster.activities.brevo.BrevoTypes.Privilege;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.team.MemberStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Brevo v3 over HTTP (vendors.md §4). One instance per Brevo account; thread-safe. Every method
 * takes one permit from its endpoint family's {@link RateBudget} and throws the {@code
 * dev.roster.activities.http} exceptions.
 */
public final class BrevoClient {
  static final String VENDOR = "brevo";

  /**
   * Where Brevo's request id may be. Unverified guess: Brevo documents no request-id header; {@code
   * x-sib-request-id} follows its {@code x-sib-*} naming, {@code x-request-id} is the common
   * fallback.
   */
  public static final List<String> REQUEST_ID_HEADERS = List.of("x-sib-request-id", "x-request-id");

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final RateBudget organization;
  private final RateBudget contacts;
  private final MeteredHttp http;
  private final RetryDelays delays;

  /**
   * @param baseUrl e.g. {@code https://api.brevo.com/v3}
   * @param organization the budget of /organization/* calls (Brevo: 100 per hour)
   * @param contacts the budget of /contacts/* calls (Brevo: 10 per second)
   * @param http from {@code VendorHttp.newClient("brevo", REQUEST_ID_HEADERS)}
   */
  public BrevoClient(
      HttpUrl baseUrl,
      Secret apiKey,
      RateBudget organization,
      RateBudget contacts,
      OkHttpClient http) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.apiKey = requireNonNull(apiKey, "apiKey is null");
    this.organization = requireNonNull(organization, "organization is null");
    this.contacts = requireNonNull(contacts, "contacts is null");
    this.http = MeteredHttp.over(requireNonNull(http, "http is null"));
    this.delays = RetryDelays.system();
  }

  /** Every user and pending invitee. GET /organization/invited/users. */
  public List<OrganizationUser> listInvitedUsers() {
    Reply reply = send("listInvitedUsers", organization, get(url("organization/invited/users")));
    BrevoWire.InvitedUsers body = reply.read(BrevoWire.InvitedUsers.class);
    if (body == null || body.users() == null) {
      return List.of();
    }
    return body.users().stream()
        .filter(u -> u.email() != null)
        .map(u -> new OrganizationUser(u.email(), Boolean.TRUE.equals(u.isOwner()), status(u)))
        .toList();
  }

  /** Invites a user. POST /organization/user/invitation/send. Not idempotent on Brevo's side. */
  public void sendInvitation(String email, boolean allFeaturesAccess, List<Privilege> privileges) {
    var wire =
        privileges.stream()
            .map(p -> new BrevoWire.Privilege(p.feature(), p.permissions()))
            .toList();
    var body = new BrevoWire.SendInvitation(email, allFeaturesAccess, wire);
    send("sendInvitation", organization, post(url("organization/user/invitation/send"), body));
  }

  /** Sends a pending invitation again. PUT /organization/user/invitation/resend/{email}. */
  public void resendInvitation(String email) {
    invitationAction("resendInvitation", "resend", email);
  }

  /** Cancels a pending invitation. PUT /organization/user/invitation/cancel/{email}. */
  public void cancelInvitation(String email) {
    invitationAction("cancelInvitation", "cancel", email);
  }

  /** Removes an active user. PUT /organization/user/invitation/revoke/{email}. */
  public void revokeUser(String email) {
    invitationAction("revokeUser", "revoke", email);
  }

  /**
   * Creates a contact, or updates it when {@code updateEnabled} and it exists. POST /contacts.
   *
   * @return CREATED on 201, UPDATED on 204
   */
  public ContactOutcome createContact(
      String email, Map<String, Object> attributes, List<Long> listIds, boolean updateEnabled) {
    var body =
        new BrevoWire.CreateContact(
            email,
            attributes,
            listIds == null || listIds.isEmpty() ? null : listIds,
            updateEnabled);
    Reply reply = send("createContact", contacts, post(url("contacts"), body));
    return reply.status() == 204 ? ContactOutcome.UPDATED : ContactOutcome.CREATED;
  }

  /** The contact with this address, or empty when Brevo answers 404. GET /contacts/{email}. */
  public Optional<Contact> getContact(String email) {
    try {
      Reply reply = send("getContact", contacts, get(url("contacts").addPathSegment(email)));
      BrevoWire.Contact c = reply.read(BrevoWire.Contact.class);
      return Optional.of(
          new Contact(
              c.email(),
              c.id() == null ? 0 : c.id(),
              c.attributes() == null ? Map.of() : c.attributes(),
              c.listIds() == null ? List.of() : c.listIds(),
              c.listUnsubscribed() == null ? List.of() : c.listUnsubscribed(),
              Boolean.TRUE.equals(c.emailBlacklisted())));
    } catch (NotFound absent) {
      return Optional.empty();
    }
  }

  /** Updates attributes and adds lists. PUT /contacts/{email}; NotFound when it does not exist. */
  public void updateContact(String email, Map<String, Object> attributes, List<Long> listIds) {
    var body = new BrevoWire.UpdateContact(attributes, listIds, null, null);
    send("updateContact", contacts, put(url("contacts").addPathSegment(email), body));
  }

  /** Takes the contact out of lists. PUT /contacts/{email} {@code unlinkListIds}; NotFound. */
  public void unlinkLists(String email, List<Long> listIds) {
    var body = new BrevoWire.UpdateContact(null, null, listIds, null);
    send("unlinkLists", contacts, put(url("contacts").addPathSegment(email), body));
  }

  /** Suppresses the address account-wide. PUT /contacts/{email} {@code emailBlacklisted}. */
  public void blacklistEmail(String email) {
    var body = new BrevoWire.UpdateContact(null, null, null, true);
    send("blacklistEmail", contacts, put(url("contacts").addPathSegment(email), body));
  }

  /**
   * Deletes the contact. DELETE /contacts/{email} (204). NotFound when absent; Rejected with status
   * 405 for the account's registered address, which Brevo never deletes (vendors.md §4).
   */
  public void deleteContact(String email) {
    HttpUrl.Builder url = url("contacts").addPathSegment(email);
    send("deleteContact", contacts, new Request.Builder().url(url.build()).delete());
  }

  /**
   * Adds existing contacts to a list. POST /contacts/lists/{listId}/contacts/add. NotFound when the
   * list does not exist.
   */
  public ListAddResult addToList(long listId, List<String> emails) {
    HttpUrl.Builder url =
        url("contacts/lists").addPathSegment(Long.toString(listId)).addPathSegments("contacts/add");
    Reply reply = send("addToList", contacts, post(url, new BrevoWire.AddEmails(emails)));
    BrevoWire.ListUpdate body = reply.read(BrevoWire.ListUpdate.class);
    if (body == null || body.contacts() == null) {
      return new ListAddResult(List.of(), List.of());
    }
    return new ListAddResult(
        body.contacts().success() == null ? List.of() : body.contacts().success(),
        body.contacts().failure() == null ? List.of() : body.contacts().failure());
  }

  /**
   * Starts an asynchronous import of contacts (upsert: {@code updateExistingContacts}). POST
   * /contacts/import with {@code jsonBody}; 202 {@code {"processId"}}. Counted on the contacts
   * budget.
   */
  public long importContacts(List<BrevoTypes.ImportContact> rows, List<Long> listIds) {
    var body =
        new BrevoWire.ImportContacts(
            rows.stream().map(r -> new BrevoWire.JsonContact(r.email(), r.attributes())).toList(),
            listIds,
            true,
            false,
            true);
    Reply reply = send("importContacts", contacts, post(url("contacts/import"), body));
    BrevoWire.ProcessId id = reply.read(BrevoWire.ProcessId.class);
    if (id == null || id.processId() == null) {
      throw new VendorUnavailable(VENDOR, "importContacts", reply.status(), null, "no processId");
    }
    return id.processId();
  }

  /**
   * A process's status. GET /processes/{id}. Brevo counts /processes among its "other endpoints"
   * (100 per hour, vendors.md §4), so it is paced by the organization budget, never the contacts
   * one. NotFound for an unknown id.
   */
  public BrevoTypes.ImportProcess process(long processId) {
    HttpUrl.Builder url = url("processes").addPathSegment(Long.toString(processId));
    BrevoWire.Process p = send("getProcess", organization, get(url)).read(BrevoWire.Process.class);
    if (p == null || p.status() == null) {
      throw new VendorUnavailable(VENDOR, "getProcess", 200, null, "no status in the answer");
    }
    return BrevoWire.Process.toImportProcess(processId, p);
  }

  /**
   * Reads a process's report file ({@code export_url}): {@code email;reason} lines of refused rows.
   * The API key is sent only when the file lives on the API host; any other host gets no key.
   */
  public String processReport(String exportUrl) {
    HttpUrl url = HttpUrl.parse(exportUrl);
    if (url == null) {
      throw new VendorUnavailable(VENDOR, "getProcessReport", 200, null, "unusable export_url");
    }
    if (!url.host().equals(baseUrl.host()) || url.port() != baseUrl.port()) {
      throw new VendorUnavailable(VENDOR, "getProcessReport", 200, null, "foreign export_url");
    }
    return send("getProcessReport", organization, new Request.Builder().url(url).get()).body();
  }

  private void invitationAction(String operation, String action, String email) {
    HttpUrl.Builder url =
        url("organization/user/invitation").addPathSegment(action).addPathSegment(email);
    send(operation, organization, put(url, null));
  }

  private static MemberStatus status(BrevoWire.InvitedUser user) {
    String status = user.status() == null ? "" : user.status().toLowerCase(Locale.ROOT);
    return switch (status) {
      case "active" -> MemberStatus.ACTIVE;
      case "pending" -> MemberStatus.PENDING;
      // Anything else (none documented) cannot sign in and holds no invitation we know of.
      default -> MemberStatus.ABSENT;
    };
  }

  private HttpUrl.Builder url(String segments) {
    return baseUrl.newBuilder().addPathSegments(segments);
  }

  private Request.Builder get(HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).get();
  }

  private Request.Builder post(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).post(json(body));
  }

  private Request.Builder put(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).put(json(body));
  }

  private static RequestBody json(Object body) {
    try {
      byte[] bytes = body == null ? new byte[0] : VendorJson.MAPPER.writeValueAsBytes(body);
      return RequestBody.create(bytes, JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private Reply send(String operation, RateBudget budget, Request.Builder request) {
    Request built =
        request
            .tag(RateBudget.Permit.class, budget.permit(operation))
            .header("api-key", apiKey.reveal())
            .header("accept", "application/json")
            .build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      int status = response.code();
      if (response.isSuccessful()) {
        return new Reply(operation, status, body);
      }
      String requestId = RedactingLogInterceptor.requestId(response.headers(), REQUEST_ID_HEADERS);
      Duration retryAfter = status == 429 ? retryAfter(response) : null;
      throw StatusMapping.forStatus(
          VENDOR, operation, status, requestId, errorMessage(body), retryAfter);
    } catch (IOException e) {
      throw StatusMapping.forIo(VENDOR, operation, e);
    }
  }

  private Duration retryAfter(Response response) {
    return delays
        .retryAfter(response.header("Retry-After"))
        .or(() -> RetryDelays.brevoReset(response.header("x-sib-ratelimit-reset")))
        .orElse(null);
  }

  /** Only Brevo's {@code message} field, never the body: bodies may echo personal data. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      BrevoWire.ErrorBody error = VendorJson.MAPPER.readValue(body, BrevoWire.ErrorBody.class);
      return error.message();
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private record Reply(String operation, int status, String body) {
    <T> T read(Class<T> type) {
      if (body == null || body.isBlank()) {
        return null;
      }
      try {
        return VendorJson.MAPPER.readValue(body, type);
      } catch (IOException e) {
        // A 2xx we cannot read is a vendor fault; say which type, not the body.
        throw new VendorUnavailable(
            VENDOR, operation, status, null, "unreadable " + type.getSimpleName());
      }
    }
  }
}
