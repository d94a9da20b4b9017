package dev.roster.worker.config;

import static dev.roster.worker.config.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {

  private static RosterConfig load(Map<String, String> env) {
    return ConfigLoader.load(fixture("minimal.yaml"), env);
  }

  @Test
  void temporalVariablesOverrideAddressAndNamespace() {
    RosterConfig config =
        load(Map.of("TEMPORAL_ADDRESS", "temporal.example.com:7233", "TEMPORAL_NAMESPACE", "prod"));

    assertThat(config.temporal().address()).isEqualTo("temporal.example.com:7233");
    assertThat(config.temporal().embedded()).isFalse();
    assertThat(config.temporal().namespace()).isEqualTo("prod");
  }

  @Test
  void blankTemporalAddressCountsAsUnset() {
    assertThat(load(Map.of("TEMPORAL_ADDRESS", "")).temporal().embedded()).isTrue();
  }

  @Test
  void temporalApiKeyVariableBecomesTheApiKeyReferenceWhenNoneIsConfigured() {
    RosterConfig config = load(Map.of("TEMPORAL_API_KEY", "s3cret"));

    assertThat(config.temporal().apiKey())
        .isEqualTo(SecretRef.env("TEMPORAL_API_KEY", "temporal.apiKey"));
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void configuredApiKeyWinsOverTemporalApiKeyVariable() {
    RosterConfig config =
        ConfigLoader.parse(
            "temporal: {apiKey: {file: /run/secrets/k}}",
            "roster.yaml",
            Map.of("TEMPORAL_API_KEY", "x"));

    assertThat(config.temporal().apiKey())
        .isEqualTo(SecretRef.file(Path.of("/run/secrets/k"), "temporal.apiKey"));
  }

  @Test
  void httpPortVariableOverridesAndIsValidated() {
    assertThat(load(Map.of("ROSTER_HTTP_PORT", "9090")).http().port()).isEqualTo(9090);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load(Map.of("ROSTER_HTTP_PORT", "eighty")));
    assertThat(e.problems())
        .containsExactly(
            "http.port: expected an integer from 0 to 65535, got \"eighty\" (set by ROSTER_HTTP_PORT)");
  }

  @Test
  void genericOverrideMatchesKeysCaseInsensitivelyWithUnderscoreForDash() {
    RosterConfig config =
        load(
            Map.of(
                "ROSTER__ACCOUNTS__BREVO_MAIN__BASEURL", "http://127.0.0.1:9999/v3",
                "ROSTER__ACCOUNTS__BREVO_MAIN__SANDBOX", "true",
                "ROSTER__ACCOUNTS__BREVO_MAIN__RATEBUDGETS__CONTACTS__REQUESTS", "20",
                "ROSTER__APPROVALS__PRIVILEGEDROLES", "admin, editor",
                "ROSTER__TEMPORAL__TLS__ENABLED", "false"));

    AccountConfig brevo = config.accounts().get("brevo-main");
    assertThat(brevo.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/v3"));
    assertThat(brevo.sandbox()).isTrue();
    assertThat(brevo.rateBudgets().get("contacts"))
        .isEqualTo(new RateBudgetConfig(20, Duration.ofSeconds(1)));
    assertThat(brevo.rateBudgets().get("organization"))
        .isEqualTo(new RateBudgetConfig(100, Duration.ofHours(1)));
    assertThat(config.approvals().privilegedRoles()).containsExactly("admin", "editor");
  }

  @Test
  void genericOverrideWinsOverSpecificVariable() {
    RosterConfig config = load(Map.of("ROSTER_HTTP_PORT", "9090", "ROSTER__HTTP__PORT", "9191"));

    assertThat(config.http().port()).isEqualTo(9191);
  }

  @Test
  void genericOverrideReplacesASecretReferenceWhole() {
    RosterConfig config =
        load(Map.of("ROSTER__ACCOUNTS__BREVO_MAIN__CREDENTIALS__FILE", "/run/secrets/brevo"));

    assertThat(config.accounts().get("brevo-main").credentials())
        .isEqualTo(
            SecretRef.file(Path.of("/run/secrets/brevo"), "accounts.brevo-main.credentials"));
  }

  @Test
  void genericOverrideOfASecretItselfIsRefusedWithoutEchoingIt() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load(Map.of("ROSTER__SUBJECTKEY", "hmac-key-value")));

    assertThat(e.getMessage())
        .contains("ROSTER__SUBJECTKEY: subjectKey takes a reference")
        .doesNotContain("hmac-key-value");
  }

  @Test
  void genericOverrideOfAnUnknownPathFailsNamingTheVariable() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    Map.of(
                        "ROSTER__ACCOUNTS__BREVO_MAIN__BASEURI", "http://x",
                        "ROSTER__ACCOUNTS__OTHER__TYPE", "brevo",
                        "ROSTER__ACCOUNTS__BREVO_MAIN__RATEBUDGETS__API__REQUESTS", "1")));

    assertThat(e.problems())
        .containsExactly(
            "ROSTER__ACCOUNTS__BREVO_MAIN__BASEURI: accounts.brevo-main.baseuri: unknown key"
                + " (expected one of: type, baseUrl, credentials, sandbox, rateBudgets, invitations)",
            "ROSTER__ACCOUNTS__BREVO_MAIN__RATEBUDGETS__API__REQUESTS:"
                + " accounts.brevo-main.rateBudgets.api: unknown key (expected one of:"
                + " organization, contacts)",
            "ROSTER__ACCOUNTS__OTHER__TYPE: accounts.other: unknown key (expected one of: brevo-main)");
  }

  @Test
  void genericOverrideOfASectionFails() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> load(Map.of("ROSTER__HTTP", "x")));

    assertThat(e.problems())
        .containsExactly(
            "ROSTER__HTTP: http is a section; name a key inside it (expected one of: bind, port,"
                + " codec, maxThreads, idleTimeout, maxHeaderBytes, maxBodyBytes, readTimeout)");
  }

  @Test
  void overrideBelowAMalformedSectionLeavesTheFileErrorVisible() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse("http: [1]", "roster.yaml", Map.of("ROSTER__HTTP__PORT", "1")));

    assertThat(e.problems()).containsExactly("http: expected a mapping, got a list");
  }
}
