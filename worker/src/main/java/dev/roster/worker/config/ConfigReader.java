package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a YAML tree and collects every problem instead of stopping at the
 * first, so one run of the loader reports them all. Each reader reports a bad value (naming the key
 * path and what is expected) and returns the default, so binding can carry on.
 */
final class ConfigReader {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final String DURATION_FORMS = Durations.FORMS;

  private final List<String> problems = new ArrayList<>();

  /** Key paths set from the environment, to say so when their value is bad. */
  private final Map<String, String> overriddenBy = new HashMap<>();

  List<String> problems() {
    return problems;
  }

  void problem(String message) {
    problems.add(message);
  }

  void markOverridden(String path, String envVar) {
    overriddenBy.put(path, envVar);
  }

  /** Reports a problem at a key path, adding which environment variable set it, if any. */
  void problem(String path, String message) {
    String origin = overriddenBy.get(path);
    problems.add(path + ": " + message + (origin == null ? "" : " (set by " + origin + ")"));
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The mapping at {@code parent.key}, after reporting each key it has that {@code expected} lacks;
   * empty when absent or null (use defaults), or when it is not a mapping (reported).
   */
  Optional<ObjectNode> section(
      ObjectNode parent, String path, String key, Collection<String> expected) {
    String at = join(path, key);
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      problem(at, "expected a mapping, got " + describe(node));
      return Optional.empty();
    }
    rejectUnknownKeys((ObjectNode) node, at, expected);
    return Optional.of((ObjectNode) node);
  }

  void rejectUnknownKeys(ObjectNode node, String path, Collection<String> expected) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!expected.contains(name)) {
                problem(
                    join(path, name),
                    "unknown key (expected one of: " + String.join(", ", expected) + ")");
              }
            });
  }

  /** A non-empty scalar as text; {@code fallback} when absent. */
  String text(ObjectNode parent, String path, String key, String fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isValueNode()) {
      problem(join(path, key), "expected a text value, got " + describe(node));
      return fallback;
    }
    return node.asText();
  }

  int integer(ObjectNode parent, String path, String key, int fallback, int min, int max) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    String expected =
        max == Integer.MAX_VALUE
            ? (min == 1 ? "a positive integer" : "an integer of at least " + min)
            : "an integer from " + min + " to " + max;
    Long value = null;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.asLong();
    } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,18}")) {
      value = Long.parseLong(node.asText().strip());
    }
    if (value == null || value < min || value > max) {
      problem(join(path, key), "expected " + expected + ", got " + describe(node));
      return fallback;
    }
    return value.intValue();
  }

  boolean bool(ObjectNode parent, String path, String key, boolean fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual() && node.asText().strip().matches("(?i)true|false")) {
      return Boolean.parseBoolean(node.asText().strip());
    }
    problem(join(path, key), "expected true or false, got " + describe(node));
    return fallback;
  }

  /** A positive duration: {@code 500ms, 30s, 15m, 1h, 3d} or ISO-8601 ({@code PT15M, P3D}). */
  Duration duration(ObjectNode parent, String path, String key, Duration fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    Optional<Duration> parsed =
        node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
    if (parsed.isEmpty()) {
      problem(join(path, key), "expected " + DURATION_FORMS + ", got " + describe(node));
      return fallback;
    }
    if (parsed.get().isZero() || parsed.get().isNegative()) {
      problem(join(path, key), "expected a positive duration, got " + describe(node));
      return fallback;
    }
    return parsed.get();
  }

  /** An absolute http(s) URL with a host, no credentials, query or fragment; trailing / removed. */
  Optional<URI> httpUrl(ObjectNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String at = join(path, key);
    String text = node.isTextual() ? node.asText().strip() : null;
    URI uri = null;
    if (text != null) {
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        uri = null;
      }
    }
    if (uri != null && uri.getRawUserInfo() != null) {
      // Do not echo it: the user-info part is a credential.
      problem(at, "must not contain user:password (give credentials by reference in credentials)");
      return Optional.empty();
    }
    boolean http =
        uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    if (!http
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      problem(at, "expected an http or https URL, got " + describe(node));
      return Optional.empty();
    }
    // Clients add path segments to the base URL; a trailing slash would add an empty one.
    return Optional.of(URI.create(text.replaceAll("/+$", "")));
  }

  Path path(ObjectNode parent, String path, String key) {
    String text = text(parent, path, key, null);
    return text == null ? null : pathValue(join(path, key), text);
  }

  /** {@code text} as a path, or null after reporting a problem at {@code at}. */
  Path pathValue(String at, String text) {
    try {
      if (!text.isBlank()) {
        return Path.of(text.strip());
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    problem(at, "expected a file path, got \"" + text + "\"");
    return null;
  }

  /**
   * {@code {env: NAME}} or {@code {file: PATH}}; {@code fallback} when absent. A scalar here is
   * probably the secret itself, so it is refused without being repeated.
   */
  SecretRef secret(ObjectNode parent, String path, String key, SecretRef fallback) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isObject()) {
      problem(at, "give a reference {env: NAME} or {file: PATH}, not the secret itself");
      return fallback;
    }
    ObjectNode ref = (ObjectNode) node;
    rejectUnknownKeys(ref, at, ConfigShape.SECRET.keys());
    boolean hasEnv = ref.hasNonNull("env");
    boolean hasFile = ref.hasNonNull("file");
    if (hasEnv == hasFile) {
      problem(at, "give exactly one of {env: NAME} or {file: PATH}");
      return fallback;
    }
    if (hasEnv) {
      JsonNode name = ref.get("env");
      if (!name.isTextual() || !ENV_NAME.matcher(name.asText()).matches()) {
        // Not echoed either: a malformed "name" may be the secret pasted in the wrong place.
        problem(join(at, "env"), "expected an environment variable name like BREVO_API_KEY");
        return fallback;
      }
      return SecretRef.env(name.asText(), at);
    }
    Path file = path(ref, at, "file");
    return file == null ? fallback : SecretRef.file(file, at);
  }

  List<String> strings(ObjectNode parent, String path, String key, List<String> fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
          values.add(item.asText().strip());
        } else {
          problem(join(path, key), "expected a list of names, got an entry " + describe(item));
          return fallback;
        }
      }
      return List.copyOf(values);
    }
    problem(join(path, key), "expected a list like [admin], got " + describe(node));
    return fallback;
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    return node.asText();
  }
}
