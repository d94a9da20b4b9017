package dev.roster.worker.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/** Binds {@code approvals.oidc}: issuer and audience required, the rest defaulted. */
final class OidcBinder {
  static final String AT = "approvals.oidc";

  private final ConfigReader in;

  OidcBinder(ConfigReader in) {
    this.in = in;
  }

  /** Empty when the section is absent (or bad: reported). */
  Optional<OidcConfig> bind(ObjectNode approvals) {
    if (approvals == null) {
      return Optional.empty();
    }
    Optional<ObjectNode> section =
        in.section(approvals, "approvals", "oidc", ConfigShape.OIDC.keys());
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode node = section.get();
    Optional<URI> issuer = in.httpUrl(node, AT, "issuer");
    if (issuer.isEmpty() && !node.hasNonNull("issuer")) {
      in.problem(
          AT + ".issuer", "required: the provider's issuer URL, e.g. https://login.example.com");
    }
    String audience = in.text(node, AT, "audience", null);
    if (audience == null || audience.isBlank()) {
      in.problem(
          AT + ".audience",
          "required: the audience (client id) tokens are issued for, e.g. roster");
    }
    Optional<URI> jwks = in.httpUrl(node, AT, "jwksUrl");
    String groups = claim(node, "groupsClaim", OidcConfig.DEFAULT_GROUPS_CLAIM);
    String username = claim(node, "usernameClaim", OidcConfig.DEFAULT_USERNAME_CLAIM);
    if (issuer.isEmpty() || audience == null || audience.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new OidcConfig(issuer.get(), audience.strip(), jwks, groups, username));
  }

  private String claim(ObjectNode node, String key, String fallback) {
    String claim = in.text(node, AT, key, fallback);
    if (claim == null || claim.isBlank()) {
      in.problem(AT + "." + key, "expected a claim name, got an empty text");
      return fallback;
    }
    return claim.strip();
  }
}
