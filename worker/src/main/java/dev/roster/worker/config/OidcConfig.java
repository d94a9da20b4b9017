package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * {@code approvals.oidc}: the OpenID Connect provider whose bearer tokens the approvals API of
 * {@code serve} accepts.
 *
 * @param issuer the provider's issuer URL; a token's {@code iss} must equal it
 * @param audience what a token's {@code aud} must contain (the client id Roster is registered as)
 * @param jwksUrl where the signing keys are; empty: the {@code jwks_uri} of the issuer's {@code
 *     /.well-known/openid-configuration}
 * @param groupsClaim the claim listing the person's groups
 * @param usernameClaim the claim naming the person; {@code sub} when a token lacks it
 */
public record OidcConfig(
    URI issuer, String audience, Optional<URI> jwksUrl, String groupsClaim, String usernameClaim) {
  public static final String DEFAULT_GROUPS_CLAIM = "groups";
  public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";

  public OidcConfig {
    requireNonNull(issuer, "issuer is null");
    requireNonNull(audience, "audience is null");
    requireNonNull(jwksUrl, "jwksUrl is null");
    requireNonNull(groupsClaim, "groupsClaim is null");
    requireNonNull(usernameClaim, "usernameClaim is null");
  }
}
