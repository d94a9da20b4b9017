package dev.roster.sandbox.mailjet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.mailjet.MailjetStore.ContactState;
import dev.roster.sandbox.mailjet.MailjetStore.ListState;
import dev.roster.sandbox.mailjet.MailjetStore.RecipientState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** {@code /v3/REST/contactslist*} and {@code /v3/REST/listrecipient*}. */
final class MailjetLists {
  private final MailjetStore store;

  MailjetLists(MailjetStore store) {
    this.store = store;
  }

  FakeResponse createList(FakeRequest request) {
    String name = MailjetHttp.body(request).path("Name").asText("").trim();
    synchronized (store) {
      if (name.isEmpty()) {
        throw MailjetError.invalid("MJ03 A value for Name is required.");
      }
      if (store.lists.values().stream().anyMatch(l -> !l.deleted && l.name.equals(name))) {
        throw MailjetError.duplicate("ContactsList", name, "Name");
      }
      ListState list = store.addList(store.lists.lastKey() + 1, name);
      return MailjetHttp.envelope(201, List.of(store.json(list)));
    }
  }

  FakeResponse listLists(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.paged(request, store.lists.values().stream().map(store::json).toList());
    }
  }

  FakeResponse getList(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.envelope(200, List.of(store.json(list(request))));
    }
  }

  /** vendors.md §1: PUT {@code {"Name","IsDeleted"}}. */
  FakeResponse updateList(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    synchronized (store) {
      ListState list = list(request);
      String name = body.path("Name").asText(list.name);
      boolean deleted = body.path("IsDeleted").asBoolean(list.deleted);
      if (name.equals(list.name) && deleted == list.deleted) {
        return FakeResponse.empty(304);
      }
      list.name = name;
      list.deleted = deleted;
      return MailjetHttp.envelope(200, List.of(store.json(list)));
    }
  }

  /** vendors.md §1: DELETE returns 204. */
  FakeResponse deleteList(FakeRequest request) {
    synchronized (store) {
      ListState list = list(request);
      store.lists.remove(list.id);
      store.recipients.values().removeIf(r -> r.listId == list.id);
      return FakeResponse.empty(204);
    }
  }

  /**
   * vendors.md §1: {@code ContactID}/{@code ListID}, or {@code ContactAlt} (email) / {@code
   * ListAlt} (list address). A second subscription of the same pair is a 400.
   */
  FakeResponse subscribe(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    synchronized (store) {
      ContactState contact = contactOf(body);
      ListState list = listOf(body);
      if (store.recipient(contact.id, list.id).isPresent()) {
        throw MailjetError.duplicate(
            "ListRecipient", contact.id + "," + list.id, "ContactID,ListID");
      }
      boolean unsubscribed = body.path("IsUnsubscribed").asBoolean(false);
      RecipientState r = store.subscribe(contact.id, list.id, unsubscribed);
      return MailjetHttp.envelope(201, List.of(store.json(r)));
    }
  }

  /**
   * vendors.md §1: the filters are {@code Contact} and {@code ContactsList}, not ContactID/ListID;
   * also {@code ContactEmail}, {@code Unsub}, {@code ListName}.
   */
  FakeResponse listRecipients(FakeRequest request) {
    Map<String, String> query = MailjetHttp.query(request);
    Long contact = MailjetHttp.longParam(query, "Contact");
    Long list = MailjetHttp.longParam(query, "ContactsList");
    Boolean unsub = MailjetHttp.boolParam(query, "Unsub");
    String email = query.get("ContactEmail");
    String listName = query.get("ListName");
    synchronized (store) {
      Stream<RecipientState> matches = store.recipients.values().stream();
      if (contact != null) {
        matches = matches.filter(r -> r.contactId == contact);
      }
      if (list != null) {
        matches = matches.filter(r -> r.listId == list);
      }
      if (unsub != null) {
        matches = matches.filter(r -> r.unsubscribed == unsub);
      }
      if (email != null) {
        matches = matches.filter(r -> MailjetStore.key(emailOf(r)).equals(MailjetStore.key(email)));
      }
      if (listName != null) {
        matches = matches.filter(r -> listName.equals(store.lists.get(r.listId).name));
      }
      return MailjetHttp.paged(request, matches.map(store::json).toList());
    }
  }

  FakeResponse getRecipient(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.envelope(200, List.of(store.json(recipient(request))));
    }
  }

  /** vendors.md §1: PUT {@code {"IsUnsubscribed":true}} unsubscribes; 304 when unchanged. */
  FakeResponse updateRecipient(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    synchronized (store) {
      RecipientState r = recipient(request);
      if (!body.has("IsUnsubscribed")
          || body.path("IsUnsubscribed").asBoolean() == r.unsubscribed) {
        return FakeResponse.empty(304);
      }
      store.setUnsubscribed(r, body.path("IsUnsubscribed").asBoolean());
      return MailjetHttp.envelope(200, List.of(store.json(r)));
    }
  }

  /** vendors.md §1: DELETE returns 204. */
  FakeResponse deleteRecipient(FakeRequest request) {
    synchronized (store) {
      store.recipients.remove(recipient(request).id);
      return FakeResponse.empty(204);
    }
  }

  /** mailjet-apiv3-php-simple#9: DELETE without an ID is a 405. */
  FakeResponse deleteRecipientCollection(FakeRequest request) {
    return MailjetHttp.error(405, "Method not allowed").withHeaders(Map.of("Allow", "GET, POST"));
  }

  Set<String> memberEmails(long listId) {
    synchronized (store) {
      Set<String> out = new TreeSet<>();
      store.recipients.values().stream()
          .filter(r -> r.listId == listId && !r.unsubscribed)
          .forEach(r -> out.add(emailOf(r)));
      return out;
    }
  }

  private String emailOf(RecipientState r) {
    ContactState c = store.contacts.get(r.contactId);
    return c == null ? "" : c.email;
  }

  private ContactState contactOf(JsonNode body) {
    if (body.hasNonNull("ContactID")) {
      ContactState c = store.contacts.get(body.path("ContactID").asLong(-1));
      if (c == null || c.anonymized) {
        // Unverified wording: Mailjet's text for an unknown reference is not documented.
        throw MailjetError.invalid("Invalid ContactID: contact not found");
      }
      return c;
    }
    if (body.hasNonNull("ContactAlt")) {
      return store
          .byEmail(body.path("ContactAlt").asText())
          .orElseThrow(() -> MailjetError.invalid("Invalid ContactAlt: contact not found"));
    }
    throw MailjetError.invalid("MJ03 A value for ContactID or ContactAlt is required.");
  }

  private ListState listOf(JsonNode body) {
    if (body.hasNonNull("ListID")) {
      ListState list = store.lists.get(body.path("ListID").asLong(-1));
      if (list == null) {
        throw MailjetError.invalid("Invalid ListID: list not found");
      }
      return list;
    }
    if (body.hasNonNull("ListAlt")) {
      String address = body.path("ListAlt").asText();
      return store.lists.values().stream()
          .filter(l -> l.address.equals(address))
          .findFirst()
          .orElseThrow(() -> MailjetError.invalid("Invalid ListAlt: list not found"));
    }
    throw MailjetError.invalid("MJ03 A value for ListID or ListAlt is required.");
  }

  private ListState list(FakeRequest request) {
    return store.list(id(request));
  }

  private RecipientState recipient(FakeRequest request) {
    RecipientState r = store.recipients.get(id(request));
    if (r == null) {
      throw MailjetError.notFound();
    }
    return r;
  }

  private static long id(FakeRequest request) {
    String raw = request.param("id");
    if (!raw.matches("\\d+")) {
      throw MailjetError.notFound();
    }
    return Long.parseLong(raw);
  }
}
