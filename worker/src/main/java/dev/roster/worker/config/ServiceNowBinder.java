package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds the {@code servicenow} section. */
final class ServiceNowBinder {
  static final String AT = "servicenow";

  private final ConfigReader in;

  ServiceNowBinder(ConfigReader in) {
    this.in = in;
  }

  ServiceNowConfig bind(ObjectNode root) {
    if (root.get(AT) == null) {
      return ServiceNowConfig.DISABLED;
    }
    ObjectNode node = in.section(root, "", AT, ConfigShape.SERVICENOW.keys()).orElse(null);
    if (node == null) {
      return ServiceNowConfig.DISABLED;
    }
    ServiceNowConfig d = ServiceNowConfig.DISABLED;
    boolean sandbox = in.bool(node, AT, "sandbox", false);
    URI url = in.httpUrl(node, AT, "instanceUrl").orElse(null);
    if (url == null && !sandbox) {
      in.problem(
          AT + ".instanceUrl", "required: the instance URL, e.g. https://acme.service-now.com");
    }
    String user = blankToNull(in.text(node, AT, "user", ""));
    String clientId = blankToNull(in.text(node, AT, "clientId", ""));
    if (user != null && clientId != null) {
      in.problem(AT, "give user + password (Basic) or clientId + clientSecret (OAuth), not both");
    }
    if (!sandbox && user == null && clientId == null) {
      in.problem(AT + ".user", "required: user + password, or clientId + clientSecret");
    }
    String mode = in.text(node, AT, "mode", d.mode()).strip();
    if (!mode.equals("webhook") && !mode.equals("poll")) {
      in.problem(AT + ".mode", "expected webhook or poll, got \"" + mode + "\"");
      mode = d.mode();
    }
    ObjectNode budget =
        in.section(node, AT, "rateBudget", ConfigShape.RATE_BUDGET.keys()).orElse(null);
    RateBudgetConfig rate = d.rateBudget();
    if (budget != null) {
      rate =
          new RateBudgetConfig(
              in.integer(budget, AT + ".rateBudget", "requests", rate.requests(), 1, 1_000_000),
              in.duration(budget, AT + ".rateBudget", "per", rate.per()));
    }
    return new ServiceNowConfig(
        url,
        sandbox,
        user,
        in.secret(node, AT, "password", null),
        clientId,
        in.secret(node, AT, "clientSecret", null),
        rate,
        webhookSecrets(node),
        blankToNull(in.text(node, AT, "webhookUser", "")),
        in.secret(node, AT, "webhookPassword", null),
        in.duration(node, AT, "webhookTolerance", d.webhookTolerance()),
        in.integer(node, AT, "webhookMaxBody", d.webhookMaxBody(), 1024, 10 * 1024 * 1024),
        mode,
        in.duration(node, AT, "pollInterval", d.pollInterval()),
        in.bool(node, AT, "preApproved", d.preApproved()),
        in.bool(node, AT, "manualTasksAsTickets", d.manualTasksAsTickets()),
        variables(node));
  }

  /**
   * {@code webhookSecret}: one reference, or a list of two while the secret rotates (the current
   * one first, the previous one second).
   */
  private List<SecretRef> webhookSecrets(ObjectNode node) {
    String at = AT + ".webhookSecret";
    JsonNode value = node.get("webhookSecret");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      SecretRef one = in.secret(node, AT, "webhookSecret", null);
      return one == null ? List.of() : List.of(one);
    }
    if (value.isEmpty() || value.size() > 2) {
      in.problem(at, "give one secret, or a list of two while rotating (current first)");
      return List.of();
    }
    List<SecretRef> refs = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      ObjectNode holder = JsonNodeFactory.instance.objectNode();
      String key = "webhookSecret[" + i + "]";
      holder.set(key, value.get(i));
      SecretRef ref = in.secret(holder, AT, key, null);
      if (ref != null) {
        refs.add(ref);
      }
    }
    return refs;
  }

  private Map<String, String> variables(ObjectNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    ObjectNode vars = node.get("variables") instanceof ObjectNode o ? o : null;
    if (vars != null) {
      vars.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } else if (node.get("variables") != null) {
      in.problem(AT + ".variables", "expected a mapping of Roster field to catalog variable name");
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
