package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code approvals.oidc}: absent, defaults, values taken, bad values named by key. */
class OidcConfigTest {

  @Test
  void absentLeavesTheApiOff() {
    assertThat(ConfigLoader.parse("accounts: {}", "t", Map.of()).approvals().oidc()).isEmpty();
  }

  @Test
  void claimsAndKeysDefaultAndAreTakenFromTheFileAndTheEnvironment() {
    OidcConfig defaults =
        ConfigLoader.parse(
                "approvals: {oidc: {issuer: 'https://login.example.com/realms/x',"
                    + " audience: roster}}",
                "t",
                Map.of())
            .approvals()
            .oidc()
            .orElseThrow();
    OidcConfig tuned =
        ConfigLoader.parse(
                "approvals: {oidc: {issuer: 'https://login.example.com', audience: roster,"
                    + " jwksUrl: 'https://login.example.com/keys', groupsClaim: roles}}",
                "t",
                Map.of("ROSTER__APPROVALS__OIDC__USERNAMECLAIM", "email_verified_name"))
            .approvals()
            .oidc()
            .orElseThrow();

    assertThat(defaults)
        .isEqualTo(
            new OidcConfig(
                URI.create("https://login.example.com/realms/x"),
                "roster",
                Optional.empty(),
                "groups",
                "preferred_username"));
    assertThat(tuned)
        .isEqualTo(
            new OidcConfig(
                URI.create("https://login.example.com"),
                "roster",
                Optional.of(URI.create("https://login.example.com/keys")),
                "roles",
                "email_verified_name"));
  }

  @Test
  void missingAndBadValuesAreNamedByKey() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "approvals: {oidc: {jwksUrl: 'ftp://keys', groupsClaim: '', scope: x}}",
                    "roster.yaml",
                    Map.of()));

    assertThat(String.join("\n", e.problems()))
        .contains("approvals.oidc.issuer: required")
        .contains("approvals.oidc.audience: required")
        .contains("approvals.oidc.jwksUrl:")
        .contains("approvals.oidc.groupsClaim: expected a claim name")
        .contains("approvals.oidc.scope: unknown key");
  }
}
