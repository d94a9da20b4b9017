package dev.roster.sandbox.mailjet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.mailjet.MailjetStore.ContactState;
import dev.roster.sandbox.mailjet.MailjetStore.Property;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /v3/REST/contact*}, {@code /contactmetadata}, {@code /contactdata}, {@code /v4/contacts}.
 */
final class MailjetContacts {
  private static final Set<String> DATATYPES = Set.of("str", "int", "float", "bool", "datetime");
  private static final Set<String> NAMESPACES = Set.of("static", "historic");

  private final MailjetStore store;

  MailjetContacts(MailjetStore store) {
    this.store = store;
  }

  FakeResponse create(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    String email = body.path("Email").asText("").trim();
    synchronized (store) {
      if (email.isEmpty()) {
        // Unverified wording; only the status is documented for a missing required field.
        throw MailjetError.invalid("MJ03 A value for Email is required.");
      }
      if (!MailjetHttp.EMAIL.matcher(email).matches()) {
        throw MailjetError.invalid("MJ08 Email \"" + email + "\" is not a valid email address.");
      }
      if (store.byEmail(email).isPresent()) {
        throw MailjetError.duplicate("Contact", email, "Email");
      }
      ContactState c = store.newContact(email);
      c.name = body.path("Name").asText("");
      store.setExcluded(c, body.path("IsExcludedFromCampaigns").asBoolean(false));
      return MailjetHttp.envelope(201, List.of(store.json(c)));
    }
  }

  FakeResponse list(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.paged(request, store.contacts.values().stream().map(store::json).toList());
    }
  }

  FakeResponse get(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.envelope(200, List.of(store.json(store.contact(request.param("id")))));
    }
  }

  /** vendors.md §1: PUT acts like PATCH; Email cannot be changed; 304 when nothing changed. */
  FakeResponse update(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    synchronized (store) {
      ContactState c = store.contact(request.param("id"));
      if (body.has("Email") && !body.path("Email").asText().equalsIgnoreCase(c.email)) {
        throw MailjetError.invalid("Email cannot be changed");
      }
      boolean changed = false;
      if (body.has("Name") && !body.path("Name").asText("").equals(c.name)) {
        c.name = body.path("Name").asText("");
        changed = true;
      }
      if (body.has("IsExcludedFromCampaigns")) {
        boolean excluded = body.path("IsExcludedFromCampaigns").asBoolean();
        changed |= excluded != c.excluded;
        store.setExcluded(c, excluded);
      }
      if (!changed) {
        return FakeResponse.empty(304);
      }
      c.lastUpdateAt = store.clock.get();
      return MailjetHttp.envelope(200, List.of(store.json(c)));
    }
  }

  /** mailjet-apiv3-php#98: v3 cannot delete a contact and says so with a 401. */
  FakeResponse deleteV3(FakeRequest request) {
    return MailjetHttp.error(401, "Operation not allowed");
  }

  /** vendors.md §1 (_contacts-delete.md, mailjet-apiv3-nodejs#282): 200 and anonymised. */
  FakeResponse eraseV4(FakeRequest request) {
    String id = request.param("id");
    synchronized (store) {
      if (!id.matches("\\d+")) {
        throw MailjetError.notFound();
      }
      ContactState c = store.contacts.get(Long.parseLong(id));
      if (c == null || c.anonymized) {
        throw MailjetError.notFound();
      }
      store.anonymize(c);
      // Unverified: the v4 response body is not documented; the fake sends none.
      return FakeResponse.empty(200);
    }
  }

  FakeResponse createProperty(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    String name = body.path("Name").asText("").trim();
    String datatype = body.path("Datatype").asText("str");
    String namespace = body.path("NameSpace").asText("static");
    synchronized (store) {
      if (name.isEmpty()) {
        throw MailjetError.invalid("MJ03 A value for Name is required.");
      }
      if (!DATATYPES.contains(datatype) || !NAMESPACES.contains(namespace)) {
        throw MailjetError.invalid("Invalid Datatype or NameSpace");
      }
      if (store.properties.containsKey(name)) {
        throw MailjetError.duplicate("ContactMetaData", name, "Name");
      }
      Property p = new Property(store.nextPropertyId++, name, datatype, namespace);
      store.properties.put(name, p);
      return MailjetHttp.envelope(201, List.of(store.json(p)));
    }
  }

  FakeResponse listProperties(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.paged(
          request, store.properties.values().stream().map(store::json).toList());
    }
  }

  FakeResponse getProperty(FakeRequest request) {
    String idOrName = request.param("id");
    synchronized (store) {
      Property p =
          store.properties.values().stream()
              .filter(x -> idOrName.equals(Long.toString(x.id())) || idOrName.equals(x.name()))
              .findFirst()
              .orElseThrow(MailjetError::notFound);
      return MailjetHttp.envelope(200, List.of(store.json(p)));
    }
  }

  FakeResponse getData(FakeRequest request) {
    synchronized (store) {
      return MailjetHttp.envelope(200, List.of(dataJson(store.contact(request.param("id")))));
    }
  }

  /**
   * vendors.md §1 (_contacts_bulk.md): properties must exist in contactmetadata first, so an
   * unknown name is a 400 and nothing is written. A null value unsets the property.
   */
  FakeResponse putData(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    JsonNode items = MailjetHttp.field(body, "Data");
    synchronized (store) {
      ContactState c = store.contact(request.param("id"));
      if (!items.isArray()) {
        throw MailjetError.invalid("Data must be an array of {Name, Value}");
      }
      for (JsonNode item : items) {
        String name = MailjetHttp.field(item, "Name").asText("");
        Property p = store.properties.get(name);
        if (p == null) {
          // Unverified wording; the rule itself is documented.
          throw MailjetError.invalid("Property \"" + name + "\" is not defined in contactmetadata");
        }
        check(p, MailjetHttp.field(item, "Value"));
      }
      boolean changed = false;
      for (JsonNode item : items) {
        String name = MailjetHttp.field(item, "Name").asText();
        JsonNode value = MailjetHttp.field(item, "Value");
        Object before = c.data.get(name);
        Object after =
            value.isNull() || value.isMissingNode()
                ? null
                : Json.MAPPER.convertValue(value, Object.class);
        if (after == null) {
          c.data.remove(name);
        } else {
          c.data.put(name, after);
        }
        changed |= !Objects.equals(before, after);
      }
      if (!changed) {
        return FakeResponse.empty(304);
      }
      c.lastUpdateAt = store.clock.get();
      return MailjetHttp.envelope(200, List.of(dataJson(c)));
    }
  }

  private static void check(Property p, JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return;
    }
    boolean ok =
        switch (p.datatype()) {
          case "int" -> value.canConvertToLong() || value.asText().matches("-?\\d+");
          case "float" -> value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?");
          case "bool" -> value.isBoolean() || value.asText().matches("true|false");
          default -> value.isValueNode();
        };
    if (!ok) {
      throw MailjetError.invalid("Value of \"" + p.name() + "\" is not a " + p.datatype());
    }
  }

  private ObjectNode dataJson(ContactState c) {
    ObjectNode node = Json.object();
    node.put("ContactID", c.id);
    ArrayNode data = node.putArray("Data");
    for (Map.Entry<String, Object> e : c.data.entrySet()) {
      ObjectNode item = data.addObject();
      item.put("Name", e.getKey());
      item.set("Value", Json.MAPPER.valueToTree(e.getValue()));
    }
    node.put("ID", c.id);
    return node;
  }
}
