package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the caller's identity from an {@code Authorization: Bearer} OpenID Connect token, or
 * answers for the route: 401 with {@code WWW-Authenticate: Bearer} (RFC 6750: without an error code
 * when no token came, {@code error="invalid_token"} and the reason when one was refused), 503 when
 * the provider's discovery document cannot be read.
 */
public final class BearerAuth {
  static final String REALM = "roster";
  private static final Logger log = LoggerFactory.getLogger(BearerAuth.class);

  private final OidcVerifier verifier;

  public BearerAuth(OidcVerifier verifier) {
    this.verifier = requireNonNull(verifier, "verifier is null");
  }

  /** The caller, or empty after answering the exchange. */
  Optional<OidcVerifier.Identity> identify(Exchange exchange) {
    String header = exchange.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      exchange.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
      JsonReplies.errors(
          exchange, 401, List.of("Authorization: a bearer token from the identity provider"));
      return Optional.empty();
    }
    try {
      return Optional.of(verifier.verify(header.substring(7).strip()));
    } catch (OidcVerifier.Rejected e) {
      String reason = Emails.maskAll(e.getMessage()).replace('"', '\'');
      log.warn("approvals api token refused reason={}", reason);
      exchange.setHeader(
          "WWW-Authenticate",
          "Bearer realm=\""
              + REALM
              + "\", error=\"invalid_token\", error_description=\""
              + reason
              + "\"");
      JsonReplies.errors(exchange, 401, List.of("Authorization: " + reason));
    } catch (IOException e) {
      log.error("approvals api cannot read the identity provider's keys", e);
      JsonReplies.errors(
          exchange, 503, List.of("the identity provider cannot be reached; try again later"));
    }
    return Optional.empty();
  }
}
