package dev.roster.sandbox.mailjet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every piece of the fake's state: contacts, lists, list recipients, property definitions and bulk
 * jobs. They refer to each other (erasure drops memberships, a bulk job touches all of them), so
 * handlers hold this object's monitor for the whole of a request.
 */
final class MailjetStore {
  /** vendors.md §1 (_contacts-delete.md): a contact erased through v4 reads back with this Name. */
  static final String ANONYMIZED = "Anonymized";

  static final class ContactState {
    long id;
    String email;
    String name = "";
    boolean excluded;
    boolean anonymized;
    Instant createdAt;
    Instant lastUpdateAt;
    Instant exclusionUpdatedAt;
    final Map<String, Object> data = new LinkedHashMap<>();

    Contact snapshot() {
      return new Contact(id, email, name, excluded, anonymized, data);
    }
  }

  static final class ListState {
    long id;
    String name;
    String address;
    boolean deleted;
    Instant createdAt;
  }

  static final class RecipientState {
    long id;
    long contactId;
    long listId;
    boolean unsubscribed;
    Instant subscribedAt;
    Instant unsubscribedAt;
  }

  record Property(long id, String name, String datatype, String namespace) {}

  final Supplier<Instant> clock;
  final TreeMap<Long, ContactState> contacts = new TreeMap<>();

  /** Contacts by lower-cased address, so look-ups stay O(1) in 100,000-row benchmarks. */
  private final java.util.HashMap<String, ContactState> live = new java.util.HashMap<>();

  final TreeMap<Long, ListState> lists = new TreeMap<>();
  final TreeMap<Long, RecipientState> recipients = new TreeMap<>();

  /** The latest recipient per contact and list, so bulk jobs do not scan every recipient. */
  private final java.util.HashMap<String, RecipientState> recipientIndex =
      new java.util.HashMap<>();

  final Map<String, Property> properties = new LinkedHashMap<>();
  long nextContactId = 1;
  long nextRecipientId = 1;
  long nextPropertyId = 1;

  MailjetStore(Supplier<Instant> clock) {
    this.clock = clock;
    addList(10, "Newsletter");
    addList(11, "Product updates");
  }

  ListState addList(long id, String name) {
    ListState list = new ListState();
    list.id = id;
    list.name = name;
    // Real list addresses are opaque tokens; ListAlt refers to a list by it.
    list.address = "mj-list-" + id;
    list.createdAt = clock.get();
    lists.put(id, list);
    return list;
  }

  ContactState newContact(String email) {
    ContactState c = new ContactState();
    c.id = nextContactId++;
    c.email = email;
    c.createdAt = clock.get();
    c.lastUpdateAt = c.createdAt;
    contacts.put(c.id, c);
    live.put(key(email), c);
    return c;
  }

  /** A live (not anonymised) contact by address, ignoring case. */
  Optional<ContactState> byEmail(String email) {
    String key = key(email);
    ContactState c = live.get(key);
    // The index is only a hint: an anonymised contact no longer answers to its address.
    if (c == null || c.anonymized || !key(c.email).equals(key)) {
      return Optional.empty();
    }
    return Optional.of(c);
  }

  /**
   * vendors.md §1: {@code /contact/{ID|email}} and {@code /contactdata/{contactID|email}}. An
   * anonymised contact is still found by ID (it reads back as "Anonymized"), never by address.
   */
  ContactState contact(String idOrEmail) {
    Optional<ContactState> found =
        idOrEmail.matches("\\d+")
            ? Optional.ofNullable(contacts.get(Long.parseLong(idOrEmail)))
            : byEmail(idOrEmail);
    return found.orElseThrow(MailjetError::notFound);
  }

  ListState list(long id) {
    ListState list = lists.get(id);
    if (list == null) {
      throw MailjetError.notFound();
    }
    return list;
  }

  Optional<RecipientState> recipient(long contactId, long listId) {
    RecipientState r = recipientIndex.get(recipientKey(contactId, listId));
    // Removals go straight to `recipients`; an entry no longer there is stale.
    return r != null && recipients.get(r.id) == r ? Optional.of(r) : Optional.empty();
  }

  private static String recipientKey(long contactId, long listId) {
    return contactId + "/" + listId;
  }

  RecipientState subscribe(long contactId, long listId, boolean unsubscribed) {
    RecipientState r = new RecipientState();
    r.id = nextRecipientId++;
    r.contactId = contactId;
    r.listId = listId;
    r.subscribedAt = clock.get();
    setUnsubscribed(r, unsubscribed);
    recipients.put(r.id, r);
    recipientIndex.put(recipientKey(contactId, listId), r);
    return r;
  }

  void setUnsubscribed(RecipientState r, boolean unsubscribed) {
    if (unsubscribed && !r.unsubscribed) {
      r.unsubscribedAt = clock.get();
    } else if (!unsubscribed && r.unsubscribed) {
      r.subscribedAt = clock.get();
      r.unsubscribedAt = null;
    }
    r.unsubscribed = unsubscribed;
  }

  void setExcluded(ContactState c, boolean excluded) {
    if (c.excluded != excluded) {
      c.excluded = excluded;
      c.exclusionUpdatedAt = clock.get();
    }
  }

  /** The v4 erasure: personal data gone, memberships dropped, the ID left as a tombstone. */
  void anonymize(ContactState c) {
    c.anonymized = true;
    // Unverified: what Email reads back as after erasure; the guide only shows Name.
    c.email = "";
    c.name = ANONYMIZED;
    c.data.clear();
    c.lastUpdateAt = clock.get();
    recipients.values().removeIf(r -> r.contactId == c.id);
  }

  ObjectNode json(ContactState c) {
    ObjectNode node = Json.object();
    node.put("CreatedAt", text(c.createdAt));
    node.put("DeliveredCount", 0);
    node.put("Email", c.email);
    node.put("ExclusionFromCampaignsUpdatedAt", text(c.exclusionUpdatedAt));
    node.put("ID", c.id);
    node.put("IsExcludedFromCampaigns", c.excluded);
    node.put("IsOptInPending", false);
    node.put("IsSpamComplaining", false);
    node.put("LastActivityAt", text(c.lastUpdateAt));
    node.put("LastUpdateAt", text(c.lastUpdateAt));
    node.put("Name", c.name);
    node.put("UnsubscribedAt", "");
    node.put("UnsubscribedBy", "");
    return node;
  }

  ObjectNode json(ListState list) {
    ObjectNode node = Json.object();
    node.put("Address", list.address);
    node.put("CreatedAt", text(list.createdAt));
    node.put("ID", list.id);
    node.put("IsDeleted", list.deleted);
    node.put("Name", list.name);
    node.put(
        "SubscriberCount",
        recipients.values().stream().filter(r -> r.listId == list.id && !r.unsubscribed).count());
    return node;
  }

  ObjectNode json(RecipientState r) {
    ObjectNode node = Json.object();
    node.put("ContactID", r.contactId);
    node.put("ID", r.id);
    node.put("IsUnsubscribed", r.unsubscribed);
    node.put("ListID", r.listId);
    ListState list = lists.get(r.listId);
    node.put("ListName", list == null ? "" : list.name);
    node.put("SubscribedAt", text(r.subscribedAt));
    node.put("UnsubscribedAt", text(r.unsubscribedAt));
    return node;
  }

  ObjectNode json(Property p) {
    ObjectNode node = Json.object();
    node.put("Datatype", p.datatype());
    node.put("ID", p.id());
    node.put("Name", p.name());
    node.put("NameSpace", p.namespace());
    return node;
  }

  List<Contact> snapshots() {
    List<Contact> out = new ArrayList<>();
    contacts.values().forEach(c -> out.add(c.snapshot()));
    return out;
  }

  /** Mailjet leaves unset timestamps as empty strings. */
  static String text(Instant at) {
    return at == null ? "" : at.toString();
  }

  static String key(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
