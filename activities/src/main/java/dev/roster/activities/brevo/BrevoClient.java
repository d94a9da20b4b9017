package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.brevo.BrevoTransport.Reply;
import dev.roster.activities.brevo.BrevoTypes.Contact;
import dev.roster.activities.brevo.BrevoTypes.ListAddResult;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.workflows.contacts.ContactOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Brevo v3 over HTTP (vendors.md §4). One instance per Brevo account; thread-safe. Contacts and
 * lists are here; invited users in {@link #organization()}, contact imports in {@link #imports()},
 * all on the same transport. Every method takes one permit from its endpoint family's {@link
 * RateBudget}, reads and checks the answer it relies on (a 2xx it cannot read is a retryable
 * VendorUnavailable, {@link BrevoTransport.Reply}) and throws the {@code
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

  private final RateBudget contacts;
  private final BrevoTransport transport;
  private final BrevoOrganizationApi organization;
  private final BrevoImportsApi imports;

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
    requireNonNull(organization, "organization is null");
    this.contacts = requireNonNull(contacts, "contacts is null");
    this.transport =
        new BrevoTransport(
            requireNonNull(baseUrl, "baseUrl is null"),
            requireNonNull(apiKey, "apiKey is null"),
            requireNonNull(http, "http is null"));
    this.organization = new BrevoOrganizationApi(transport, organization);
    this.imports =
        new BrevoImportsApi(transport, contacts, organization, new BrevoExports(http, baseUrl));
  }

  /** Invited users and invitations, on the organization budget. */
  public BrevoOrganizationApi organization() {
    return organization;
  }

  /** Contact imports and their processes and reports. */
  public BrevoImportsApi imports() {
    return imports;
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
    Reply reply = send("createContact", post(url("contacts"), body));
    if (reply.status() == 204) {
      reply.expectEmptyOrJson();
      return ContactOutcome.UPDATED;
    }
    // 201 {"id": …}: the id is Brevo's word that the contact exists now.
    BrevoWire.CreatedContact created = reply.read(BrevoWire.CreatedContact.class);
    if (created.id() == null) {
      throw reply.unreadable("no contact id");
    }
    return ContactOutcome.CREATED;
  }

  /** The contact with this address, or empty when Brevo answers 404. GET /contacts/{email}. */
  public Optional<Contact> getContact(String email) {
    try {
      Reply reply = send("getContact", get(url("contacts").addPathSegment(email)));
      BrevoWire.Contact c = reply.read(BrevoWire.Contact.class);
      if (c.email() == null || !c.email().trim().equalsIgnoreCase(email.trim())) {
        throw reply.unreadable("no contact with the address asked for");
      }
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
    send("updateContact", put(url("contacts").addPathSegment(email), body)).expectEmptyOrJson();
  }

  /** Takes the contact out of lists. PUT /contacts/{email} {@code unlinkListIds}; NotFound. */
  public void unlinkLists(String email, List<Long> listIds) {
    var body = new BrevoWire.UpdateContact(null, null, listIds, null);
    send("unlinkLists", put(url("contacts").addPathSegment(email), body)).expectEmptyOrJson();
  }

  /** Suppresses the address account-wide. PUT /contacts/{email} {@code emailBlacklisted}. */
  public void blacklistEmail(String email) {
    var body = new BrevoWire.UpdateContact(null, null, null, true);
    send("blacklistEmail", put(url("contacts").addPathSegment(email), body)).expectEmptyOrJson();
  }

  /**
   * Deletes the contact. DELETE /contacts/{email} (204). NotFound when absent; Rejected with status
   * 405 for the account's registered address, which Brevo never deletes (vendors.md §4).
   */
  public void deleteContact(String email) {
    HttpUrl.Builder url = url("contacts").addPathSegment(email);
    send("deleteContact", new Request.Builder().url(url.build()).delete()).expectEmptyOrJson();
  }

  /**
   * Adds existing contacts to a list. POST /contacts/lists/{listId}/contacts/add. NotFound when the
   * list does not exist.
   */
  public ListAddResult addToList(long listId, List<String> emails) {
    HttpUrl.Builder url =
        url("contacts/lists").addPathSegment(Long.toString(listId)).addPathSegments("contacts/add");
    Reply reply = send("addToList", post(url, new BrevoWire.AddEmails(emails)));
    BrevoWire.ListUpdate body = reply.read(BrevoWire.ListUpdate.class);
    if (body.contacts() == null) {
      throw reply.unreadable("no contacts outcome");
    }
    return new ListAddResult(
        body.contacts().success() == null ? List.of() : body.contacts().success(),
        body.contacts().failure() == null ? List.of() : body.contacts().failure());
  }

  private HttpUrl.Builder url(String segments) {
    return transport.url(segments);
  }

  private Request.Builder get(HttpUrl.Builder url) {
    return transport.get(url);
  }

  private Request.Builder post(HttpUrl.Builder url, Object body) {
    return transport.post(url, body);
  }

  private Request.Builder put(HttpUrl.Builder url, Object body) {
    return transport.put(url, body);
  }

  private Reply send(String operation, Request.Builder request) {
    return transport.send(operation, contacts, request);
  }
}
