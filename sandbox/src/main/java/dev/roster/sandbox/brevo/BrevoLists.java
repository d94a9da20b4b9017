package dev.roster.sandbox.brevo;

import static dev.roster.sandbox.brevo.BrevoOrganization.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.brevo.BrevoContacts.State;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Contact lists and their members ({@code /v3/contacts/lists/{listId}/contacts/add|remove}). A
 * membership is the contact's {@code listIds}, so every method holds the {@link BrevoContacts}
 * lock, which guards the lists too.
 */
final class BrevoLists {
  private static final int MAX_LIST_BATCH = 150;

  private final BrevoContacts contacts;
  private final TreeMap<Long, String> lists = new TreeMap<>();
  private long nextProcessId = 1;

  BrevoLists(BrevoContacts contacts) {
    this.contacts = contacts;
    lists.put(2L, "Newsletter");
    lists.put(7L, "Product updates");
  }

  FakeResponse addToList(FakeRequest request) throws IOException {
    synchronized (contacts) {
      return changeList(request, true);
    }
  }

  FakeResponse removeFromList(FakeRequest request) throws IOException {
    synchronized (contacts) {
      return changeList(request, false);
    }
  }

  private FakeResponse changeList(FakeRequest request, boolean add) throws IOException {
    long listId = listId(request.param("listId"));
    JsonNode body = BrevoHttp.body(request);
    List<String> success = new ArrayList<>();
    List<String> failure = new ArrayList<>();
    ObjectNode outcome = Json.object();
    if (!add && body.path("all").asBoolean(false)) {
      // Brevo runs "remove all" as a background process; the fake finishes it at once.
      for (State c : contacts.byEmail.values()) {
        if (c.listIds.remove(listId)) {
          contacts.touch(c);
          success.add(c.email);
        }
      }
      outcome.put("processId", nextProcessId++);
    } else {
      boolean byEmails = body.has("emails");
      JsonNode items = byEmails ? body.path("emails") : body.path("ids");
      if (!items.isArray() || items.isEmpty()) {
        throw new BrevoError(400, "missing_parameter", "emails or ids is required");
      }
      if (items.size() > MAX_LIST_BATCH) {
        // Swagger maxItems is 150; the real error code for exceeding it is unverified.
        throw BrevoError.invalid("A maximum of 150 contacts can be processed per request");
      }
      for (JsonNode item : items) {
        // The swagger types success/failure items as strings, so ids are echoed as text.
        String label = item.asText();
        State c = byEmails ? contacts.byEmail.get(key(label)) : contacts.byId(item.asLong(-1));
        boolean changed = c != null && (add ? c.listIds.add(listId) : c.listIds.remove(listId));
        if (c != null && add) {
          // ⚠ unverified: adding by API is taken to re-subscribe someone who had unsubscribed.
          c.listUnsubscribed.remove(listId);
        }
        if (c != null && (changed || add)) {
          contacts.touch(c);
          success.add(label);
        } else {
          failure.add(label);
        }
      }
    }
    outcome.set("success", Json.MAPPER.valueToTree(success));
    outcome.set("failure", Json.MAPPER.valueToTree(failure));
    outcome.put("total", success.size());
    ObjectNode out = Json.object();
    out.set("contacts", outcome);
    return FakeResponse.json(201, out);
  }

  /**
   * The person unsubscribes from one list themselves (a subscription form), which Brevo records in
   * {@code listUnsubscribed}. ⚠ unverified whether Brevo also drops the id from {@code listIds};
   * the fake does, and keeps API removals ({@code unlinkListIds}, /remove) out of {@code
   * listUnsubscribed}: those are Roster's actions, not the person's opt-out.
   */
  void unsubscribeFromList(String email, long listId) {
    synchronized (contacts) {
      State c = contacts.byEmail.get(key(email));
      if (c == null || !c.listIds.remove(listId)) {
        throw new IllegalStateException("contact is not on list " + listId);
      }
      c.listUnsubscribed.add(listId);
      contacts.touch(c);
    }
  }

  Map<Long, String> lists() {
    synchronized (contacts) {
      return new TreeMap<>(lists);
    }
  }

  boolean exists(long listId) {
    synchronized (contacts) {
      return lists.containsKey(listId);
    }
  }

  Set<String> listMemberEmails(long listId) {
    synchronized (contacts) {
      Set<String> out = new TreeSet<>();
      contacts.byEmail.values().stream()
          .filter(c -> c.listIds.contains(listId))
          .forEach(c -> out.add(c.email));
      return out;
    }
  }

  long createList(String name) {
    synchronized (contacts) {
      long id = lists.lastKey() + 1;
      lists.put(id, name);
      return id;
    }
  }

  private long listId(String raw) {
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw BrevoError.invalid("listId should be an integer");
    }
    if (!lists.containsKey(id)) {
      throw BrevoError.notFound("List ID does not exist");
    }
    return id;
  }
}
