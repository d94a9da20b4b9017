package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies environment variables to the YAML tree before it is validated, so an overridden value is
 * checked like one from the file. Specific variables first ({@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code ROSTER_HTTP_PORT}), then generic {@code
 * ROSTER__<PATH>} ones, which therefore win. In a generic path, segments are separated by {@code
 * __}, match keys case-insensitively, and {@code _} in a segment matches {@code -} in a key: {@code
 * ROSTER__ACCOUNTS__BREVO_MAIN__BASEURL} sets {@code accounts.brevo-main.baseUrl}.
 */
final class EnvOverrides {
  static final String PREFIX = "ROSTER__";
  static final String ADDRESS = "TEMPORAL_ADDRESS";
  static final String NAMESPACE = "TEMPORAL_NAMESPACE";
  static final String API_KEY = "TEMPORAL_API_KEY";
  static final String HTTP_PORT = "ROSTER_HTTP_PORT";

  /** The variables that override one key each. */
  static final List<String> NAMED = List.of(ADDRESS, NAMESPACE, API_KEY, HTTP_PORT);

  private final ConfigReader in;
  private final VendorTypes types;

  EnvOverrides(ConfigReader in, VendorTypes types) {
    this.in = in;
    this.types = types;
  }

  void apply(ObjectNode root, Map<String, String> env) {
    // Blank values count as unset: compose files and shells often export FOO= for "nothing".
    specific(root, env, ADDRESS, "temporal", "address");
    specific(root, env, NAMESPACE, "temporal", "namespace");
    specific(root, env, HTTP_PORT, "http", "port");
    String apiKey = env.get(API_KEY);
    if (apiKey != null && !apiKey.isBlank()) {
      ObjectNode temporal = child(root, "temporal");
      if (temporal != null && !temporal.hasNonNull("apiKey")) {
        temporal.putObject("apiKey").put("env", API_KEY);
      }
    }
    // Sorted so that problems come out in a stable order.
    new TreeMap<>(env)
        .forEach(
            (name, value) -> {
              if (name.startsWith(PREFIX)) {
                generic(root, name, value);
              }
            });
  }

  private void specific(
      ObjectNode root, Map<String, String> env, String var, String section, String key) {
    String value = env.get(var);
    ObjectNode parent = child(root, section);
    if (value != null && !value.isBlank() && parent != null) {
      parent.set(key, TextNode.valueOf(value.strip()));
      in.markOverridden(section + "." + key, var);
    }
  }

  /** The mapping under {@code key}, created when absent; null when the file has a non-mapping. */
  private static ObjectNode child(ObjectNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return parent.putObject(key);
    }
    return node.isObject() ? (ObjectNode) node : null;
  }

  private void generic(ObjectNode root, String var, String value) {
    String[] segments = var.substring(PREFIX.length()).split("__", -1);
    ObjectNode owner = null;
    ObjectNode node = root;
    ConfigShape shape = ConfigShape.ROOT;
    String path = "";
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      List<String> candidates = candidates(owner, node, shape);
      Optional<String> key = candidates.stream().filter(k -> matches(segment, k)).findFirst();
      if (segment.isEmpty() || key.isEmpty()) {
        String shown = ConfigReader.join(path, segment.toLowerCase(Locale.ROOT).replace('_', '-'));
        in.problem(
            var
                + ": "
                + shown
                + ": unknown key (expected one of: "
                + String.join(", ", candidates)
                + ")");
        return;
      }
      ConfigShape next =
          shape.kind == ConfigShape.Kind.MAP ? shape.entries : shape.fields.get(key.get());
      path = ConfigReader.join(path, key.get());
      boolean last = i == segments.length - 1;
      if (last) {
        set(node, next, key.get(), path, var, value);
        return;
      }
      if (!next.isContainer()) {
        in.problem(var + ": " + path + " is a single value; nothing is below it");
        return;
      }
      owner = node;
      JsonNode existing = node.get(key.get());
      if (existing != null
          && !existing.isNull()
          && !existing.isObject()
          && next.kind != ConfigShape.Kind.SECRET) {
        return; // the file has a non-mapping here; binding reports it
      }
      // A secret reference is replaced whole: {env: A} overridden by __FILE must not keep env.
      if (existing == null || existing.isNull() || next.kind == ConfigShape.Kind.SECRET) {
        node = node.putObject(key.get());
      } else {
        node = (ObjectNode) existing;
      }
      shape = next;
    }
  }

  private void set(
      ObjectNode parent, ConfigShape shape, String key, String path, String var, String value) {
    switch (shape.kind) {
      case VALUE -> parent.set(key, TextNode.valueOf(value));
      case LIST -> {
        ArrayNode list = parent.putArray(key);
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            list.add(item.strip());
          }
        }
      }
      case SECRET ->
          // Never echo the value: it is most likely the secret itself.
          in.problem(
              var
                  + ": "
                  + path
                  + " takes a reference; set "
                  + var
                  + "__ENV=NAME or "
                  + var
                  + "__FILE=PATH instead of the secret itself");
      default ->
          in.problem(
              var
                  + ": "
                  + path
                  + " is a section; name a key inside it (expected one of: "
                  + String.join(
                      ", ", shape.kind == ConfigShape.Kind.MAP ? List.of("<name>") : shape.keys())
                  + ")");
    }
    if (shape.kind == ConfigShape.Kind.VALUE || shape.kind == ConfigShape.Kind.LIST) {
      in.markOverridden(path, var);
    }
  }

  /**
   * The keys a segment may name here: fixed keys of a section; existing names in a map; for an
   * account's rateBudgets also the endpoint families of its type, which need not be in the file.
   */
  private List<String> candidates(ObjectNode owner, ObjectNode node, ConfigShape shape) {
    if (shape.kind != ConfigShape.Kind.MAP) {
      return shape.keys();
    }
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    if (shape.entries == ConfigShape.RATE_BUDGET && owner != null && owner.hasNonNull("type")) {
      types.find(owner.get("type").asText()).ifPresent(type -> names.addAll(type.families()));
    }
    return new ArrayList<>(names);
  }

  static boolean matches(String segment, String key) {
    return segment.replace('_', '-').equalsIgnoreCase(key);
  }
}
