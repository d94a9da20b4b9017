package dev.roster.worker.config;

import static dev.roster.worker.config.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

  @Test
  void secretToStringIsRedactedButEqualityUsesTheValue() {
    Secret secret = new Secret("xkeysib-123");

    assertThat(secret).hasToString("[REDACTED]");
    assertThat(String.valueOf(Map.of("k", secret))).doesNotContain("xkeysib");
    assertThat(secret).isEqualTo(new Secret("xkeysib-123")).isNotEqualTo(new Secret("other"));
    assertThat(secret.hashCode()).isEqualTo(new Secret("xkeysib-123").hashCode());
    assertThat(secret.reveal()).isEqualTo("xkeysib-123");
  }

  @Test
  void envReferenceResolvesFromTheGivenEnvironment() {
    SecretRef ref = SecretRef.env("BREVO_API_KEY", "accounts.b.credentials");

    assertThat(ref.resolve(Map.of("BREVO_API_KEY", "k1"))).contains(new Secret("k1"));
    assertThat(ref.resolve(Map.of())).isEmpty();
  }

  @Test
  void fileReferenceResolvesFromATempFileWithoutItsTrailingNewline(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("brevo-api-key"), "xkeysib-abc\n");
    RosterConfig config =
        ConfigLoader.parse(
            "accounts: {b: {type: brevo, credentials: {file: '" + file + "'}}}",
            "roster.yaml",
            Map.of());

    assertThat(config.accounts().get("b").credentials().resolve(Map.of()))
        .contains(new Secret("xkeysib-abc"));
    assertThat(config.missingCredentials(Map.of())).isEmpty();
  }

  @Test
  void emptySecretFileIsAnErrorNamingTheKeyPath(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty"), "\n");
    SecretRef ref = SecretRef.file(file, "accounts.b.credentials");

    assertThatThrownBy(() -> ref.resolve(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("accounts.b.credentials: file " + file + " is empty");
  }

  @Test
  void unreadableSecretFileIsAnErrorNamingTheKeyPath(@TempDir Path dir) throws Exception {
    Path directory = Files.createDirectory(dir.resolve("not-a-file"));
    SecretRef ref = SecretRef.file(directory, "subjectKey");

    assertThatThrownBy(() -> ref.resolve(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("subjectKey: file " + directory + " cannot be read");
  }

  @Test
  void missingCredentialIsReportedNamingTheKeyPath() {
    RosterConfig config = ConfigLoader.load(fixture("minimal.yaml"), Map.of());

    assertThat(config.missingCredentials(Map.of()))
        .containsExactly(
            "accounts.brevo-main.credentials: environment variable BREVO_API_KEY is not set");
    assertThat(config.missingCredentials(Map.of("BREVO_API_KEY", "k"))).isEmpty();
  }

  @Test
  void missingCredentialsSkipSandboxAccountsAndNameFilesAndAbsentReferences() {
    RosterConfig config = ConfigLoader.load(fixture("all-types.yaml"), Map.of());

    assertThat(config.missingCredentials(Map.of("BREVO_API_KEY", "k")))
        .containsExactly(
            "accounts.mailjet-eu.credentials: file /run/secrets/mailjet does not exist",
            "accounts.news.credentials: environment variable LISTMONK_TOKEN is not set");
    assertThat(CredentialCheck.accountsWithoutCredentials(config, Map.of("BREVO_API_KEY", "k")))
        .containsExactly("mailjet-eu", "news");

    RosterConfig noReference =
        ConfigLoader.parse("accounts: {m: {type: mailersend}}", "r", Map.of());
    assertThat(noReference.missingCredentials(Map.of()))
        .containsExactly(
            "accounts.m.credentials: not configured (give {env: NAME} or {file: PATH})");
  }

  @Test
  void emptyEnvironmentVariableIsReportedAsMissing() {
    RosterConfig config = ConfigLoader.load(fixture("minimal.yaml"), Map.of());

    assertThat(config.missingCredentials(Map.of("BREVO_API_KEY", "")))
        .containsExactly(
            "accounts.brevo-main.credentials: environment variable BREVO_API_KEY is set but empty");
  }
}
