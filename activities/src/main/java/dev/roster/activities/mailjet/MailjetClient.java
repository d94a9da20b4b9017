package dev.roster.activities.mailjet;

import static dev.roster.activities.mailjet.MailjetTransport.VENDOR;

import dev.roster.activities.http.Answers;
import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailjet.MailjetTransport.Reply;
import dev.roster.activities.mailjet.MailjetTypes.Contact;
import dev.roster.activities.mailjet.MailjetTypes.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Mailjet's contact API over HTTP (vendors.md §1): contacts, their properties and the v4 erasure
 * here; lists and memberships in {@link #lists()}, bulk jobs and the v3 DATA error file in {@link
 * #jobs()}. One instance per Mailjet account; thread-safe. Every call takes one permit from the
 * account's single "api" {@link RateBudget} (Mailjet limits per API key) and throws the {@code
 * dev.roster.activities.http} exceptions; a 400 "MJ18 … already exists" is a {@link Conflict}. Path
 * parameters that may be addresses go through {@code addPathSegment}, so {@code +} and {@code @}
 * are encoded.
 */
public final class MailjetClient {
  /**
   * Where Mailjet's request id may be. Unverified: vendors.md documents no request-id header; the
   * Send API answers carry {@code X-MJ-Request-GUID}, {@code x-request-id} is the common fallback.
   */
  public static final List<String> REQUEST_ID_HEADERS =
      List.of("X-MJ-Request-GUID", "x-request-id");

  static final String REST = "v3/REST";

  private final MailjetTransport transport;
  private final MailjetListsApi lists;
  private final MailjetJobs jobs;

  /**
   * @param baseUrl the API host without a path, e.g. {@code https://api.mailjet.com}
   * @param api the account's budget (Mailjet: 3 per second by default, see vendors.md ⚠ units)
   * @param http from {@code VendorHttp.newClient("mailjet", REQUEST_ID_HEADERS)}
   */
  public MailjetClient(
      HttpUrl baseUrl, Secret apiKey, Secret secretKey, RateBudget api, OkHttpClient http) {
    this.transport = new MailjetTransport(baseUrl, apiKey, secretKey, api, http);
    this.lists = new MailjetListsApi(transport);
    this.jobs = new MailjetJobs(transport);
  }

  /** Contact lists and memberships, on the same transport and budget. */
  public MailjetListsApi lists() {
    return lists;
  }

  /** Bulk upserts (managemanycontacts), their status and error files. */
  public MailjetJobs jobs() {
    return jobs;
  }

  /**
   * POST /v3/REST/contact. Throws Conflict when the address already has a contact. The answer's
   * Data[0] (with its ID, for this address) is Mailjet's word that the contact exists.
   */
  public Contact createContact(String email, String name, Boolean excludedFromCampaigns) {
    var body = new MailjetWire.CreateContact(email, name, excludedFromCampaigns);
    MailjetWire.Contact created =
        required(
            "createContact",
            transport
                .post("createContact", rest("contact"), body)
                .first(MailjetWire.Contact.class));
    if (created.id() == null
        || created.email() == null
        || !created.email().trim().equalsIgnoreCase(email.trim())) {
      throw Answers.unreadable(VENDOR, "createContact", 201, "no contact for the address");
    }
    return created.toContact();
  }

  /** GET /v3/REST/contact/{idOrEmail}; empty on 404. */
  public Optional<Contact> getContact(String idOrEmail) {
    try {
      Reply reply = transport.get("getContact", rest("contact").addPathSegment(idOrEmail));
      MailjetWire.Contact contact = reply.first(MailjetWire.Contact.class);
      if (contact != null && contact.id() == null) {
        throw Answers.unreadable(VENDOR, "getContact", reply.status(), "a contact without ID");
      }
      return Optional.ofNullable(contact).map(MailjetWire.Contact::toContact);
    } catch (NotFound absent) {
      return Optional.empty();
    }
  }

  /** Every contact. GET /v3/REST/contact, paged. */
  public List<Contact> listContacts() {
    return transport.all("listContacts", rest("contact"), MailjetWire.Contact.class).stream()
        .map(MailjetWire.Contact::toContact)
        .toList();
  }

  /** PUT /v3/REST/contact/{idOrEmail}; null fields are left alone. Idempotent (304 is success). */
  public void updateContact(String idOrEmail, String name, Boolean excludedFromCampaigns) {
    var body = new MailjetWire.UpdateContact(name, excludedFromCampaigns);
    transport.put("updateContact", rest("contact").addPathSegment(idOrEmail), body);
  }

  /** Property definitions by name. GET /v3/REST/contactmetadata, paged. */
  public Map<String, Property> listProperties() {
    Map<String, Property> out = new LinkedHashMap<>();
    for (var p :
        transport.all(
            "listProperties", rest("contactmetadata"), MailjetWire.ContactMetadata.class)) {
      out.put(p.name(), new Property(p.id() == null ? 0 : p.id(), p.name(), p.datatype()));
    }
    return out;
  }

  /** Defines a static property unless it exists. Returns whether it was created. Idempotent. */
  public boolean ensureProperty(String name, String datatype) {
    return !ensureProperties(Map.of(name, datatype)).isEmpty();
  }

  /**
   * Defines every missing static property (name to datatype) with one listing and one POST
   * /v3/REST/contactmetadata per missing name; returns the names created. Idempotent: a definition
   * created concurrently (MJ18) counts as present.
   */
  public Set<String> ensureProperties(Map<String, String> datatypes) {
    Set<String> existing = listProperties().keySet();
    Set<String> created = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : datatypes.entrySet()) {
      if (existing.contains(e.getKey())) {
        continue;
      }
      var body = new MailjetWire.ContactMetadata(null, e.getKey(), e.getValue(), "static");
      try {
        transport.post("createProperty", rest("contactmetadata"), body);
        created.add(e.getKey());
      } catch (Conflict raced) {
        // Another worker defined it between our listing and this POST: that is what we wanted.
      }
    }
    return created;
  }

  /** The contact's property values. GET /v3/REST/contactdata/{idOrEmail}. */
  public Map<String, Object> getContactData(String idOrEmail) {
    Reply reply = transport.get("getContactData", rest("contactdata").addPathSegment(idOrEmail));
    MailjetWire.ContactData data = reply.first(MailjetWire.ContactData.class);
    Map<String, Object> out = new LinkedHashMap<>();
    if (data != null && data.data() != null) {
      data.data().forEach(nv -> out.put(nv.name(), nv.value()));
    }
    return out;
  }

  /**
   * Sets property values (null unsets). PUT /v3/REST/contactdata/{idOrEmail}. The properties must
   * exist in contactmetadata first, else Rejected (vendors.md §1). Idempotent.
   */
  public void setContactData(String idOrEmail, Map<String, Object> values) {
    List<MailjetWire.NameValue> data = new ArrayList<>();
    values.forEach((k, v) -> data.add(new MailjetWire.NameValue(k, v)));
    var body = new MailjetWire.ContactData(null, null, data);
    transport.put("setContactData", rest("contactdata").addPathSegment(idOrEmail), body);
  }

  /**
   * Erases a contact: DELETE /v4/contacts/{id} (v3 cannot delete: mailjet-apiv3-php#98), then reads
   * it back and checks that it is gone or anonymised. Idempotent: a 404 on the DELETE (an earlier
   * attempt got through) is verified the same way. Throws VendorUnavailable (retryable) when the
   * contact still reads back un-anonymised.
   */
  public void eraseContact(long contactId) {
    String id = Long.toString(contactId);
    try {
      transport.delete("eraseContact", transport.url("v4/contacts").addPathSegment(id));
    } catch (NotFound alreadyGone) {
      // Checked below like a fresh erasure.
    }
    Optional<Contact> after = getContact(id);
    if (after.isPresent() && !after.get().anonymized()) {
      throw new VendorUnavailable(
          VENDOR, "eraseContact", 200, null, "contact " + id + " still readable after erasure");
    }
  }

  private HttpUrl.Builder rest(String segments) {
    return transport.url(REST + "/" + segments);
  }

  static <T> T required(String operation, T item) {
    if (item == null) {
      throw Answers.unreadable(VENDOR, operation, 201, "no Data[0]");
    }
    return item;
  }
}
