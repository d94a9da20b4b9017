package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code http.codec}. */
final class CodecServerBinder {
  static final String AT = "http.codec";

  private final ConfigReader in;

  CodecServerBinder(ConfigReader in) {
    this.in = in;
  }

  /** Empty when the section is absent (or bad: reported). */
  Optional<CodecServerConfig> bind(ObjectNode http) {
    Optional<ObjectNode> section = in.section(http, "http", "codec", ConfigShape.CODEC.keys());
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode node = section.get();
    Map<String, SecretRef> tokens = new LinkedHashMap<>();
    JsonNode tokensNode = node.get("tokens");
    if (tokensNode == null || !tokensNode.isObject() || tokensNode.isEmpty()) {
      in.problem(
          AT + ".tokens",
          "required: the bearer tokens it accepts by name, e.g. {web-ui: {env:"
              + " ROSTER_CODEC_TOKEN}}");
    } else {
      tokensNode
          .fieldNames()
          .forEachRemaining(
              name -> {
                SecretRef ref = in.secret((ObjectNode) tokensNode, AT + ".tokens", name, null);
                if (ref != null) {
                  tokens.put(name, ref);
                }
              });
    }
    List<String> origins = new ArrayList<>();
    for (String origin : in.strings(node, AT, "origins", List.of())) {
      if (isOrigin(origin)) {
        origins.add(origin);
      } else {
        in.problem(
            AT + ".origins",
            "expected an origin like https://temporal-ui.example.com:8233 (scheme, host, port;"
                + " no path), got \""
                + origin
                + "\"");
      }
    }
    int maxBody =
        in.integer(node, AT, "maxBody", CodecServerConfig.DEFAULT_MAX_BODY, 1024, 64 * 1024 * 1024);
    return tokens.isEmpty()
        ? Optional.empty()
        : Optional.of(new CodecServerConfig(origins, tokens, maxBody));
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
