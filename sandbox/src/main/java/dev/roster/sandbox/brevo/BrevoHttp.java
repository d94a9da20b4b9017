package dev.roster.sandbox.brevo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.RateBudget;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Brevo wire details shared by the fake's handlers: envelopes, headers, body parsing. */
final class BrevoHttp {
  private BrevoHttp() {}

  static Map<String, String> rateHeaders(RateBudget.Decision d) {
    return Map.of(
        "x-sib-ratelimit-limit", Integer.toString(d.limit()),
        "x-sib-ratelimit-remaining", Integer.toString(d.remaining()),
        // Brevo documents the unit as "typically seconds"; the fake sends whole seconds.
        "x-sib-ratelimit-reset", Long.toString(d.resetSeconds()));
  }

  static FakeResponse error(int status, String code, String message, Map<String, Object> metadata) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    if (metadata != null) {
      body.put("metadata", metadata);
    }
    return FakeResponse.json(status, body);
  }

  /** Parses a JSON request body, answering 400 like Brevo when it is malformed. */
  static JsonNode body(FakeRequest request) {
    try {
      return Json.read(request.body());
    } catch (IOException e) {
      throw BrevoError.invalid("Input must be a valid JSON object");
    }
  }

  /** The {@code GET /_sandbox/state} dump. */
  static ObjectNode state(List<Member> members, List<Contact> contacts, Map<Long, String> lists) {
    ObjectNode out = Json.object();
    ArrayNode memberNodes = out.putArray("members");
    for (Member m : members) {
      // Built by hand: the shared mapper has no java.time module, so Instant goes out as text.
      ObjectNode node = memberNodes.addObject();
      node.put("email", m.email());
      node.put("status", m.status());
      node.put("owner", m.owner());
      node.put("allFeaturesAccess", m.allFeaturesAccess());
      node.set("privileges", Json.MAPPER.valueToTree(m.privileges()));
      node.put("resendCount", m.resendCount());
      node.put("invitedAt", m.invitedAt() == null ? null : m.invitedAt().toString());
    }
    out.set("contacts", Json.MAPPER.valueToTree(contacts));
    out.set("lists", Json.MAPPER.valueToTree(lists));
    return out;
  }
}
