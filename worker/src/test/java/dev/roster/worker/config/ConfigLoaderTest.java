package dev.roster.worker.config;

import static dev.roster.worker.config.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.worker.vendor.BrevoModule;
import dev.roster.worker.vendor.Vendors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void defaultsAreFilledInWhenTheFileOnlyNamesAnAccount() {
    RosterConfig config = ConfigLoader.load(fixture("minimal.yaml"), Map.of());

    assertThat(config.temporal().address()).isEmpty();
    assertThat(config.temporal().embedded()).isTrue();
    assertThat(config.temporal().namespace()).isEqualTo("default");
    assertThat(config.temporal().embeddedPort()).isEqualTo(7233);
    assertThat(config.temporal().tls().enabled()).isFalse();
    assertThat(config.temporal().apiKey()).isNull();
    assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080));
    assertThat(config.subjectKey()).isEqualTo(SecretRef.env("ROSTER_SUBJECT_KEY", "subjectKey"));
    assertThat(config.approvals().privilegedRoles()).containsExactly("admin");
    assertThat(config.approvals().timeout()).isEqualTo(Duration.ofDays(7));
    assertThat(config.approvals().remindEvery()).isEqualTo(Duration.ofDays(1));

    AccountConfig brevo = config.accounts().get("brevo-main");
    assertThat(brevo.type()).isEqualTo(BrevoModule.TYPE);
    assertThat(brevo.baseUrl()).isEqualTo(URI.create("https://api.brevo.com/v3"));
    assertThat(brevo.sandbox()).isFalse();
    assertThat(brevo.credentials()).hasToString("{env: BREVO_API_KEY}");
    assertThat(brevo.rateBudgets())
        .containsExactly(
            Map.entry("organization", new RateBudgetConfig(100, Duration.ofHours(1))),
            Map.entry("contacts", new RateBudgetConfig(10, Duration.ofSeconds(1))));
    assertThat(brevo.invitations())
        .isEqualTo(
            new InvitationConfig(Duration.ofMinutes(15), Duration.ofDays(3), Duration.ofDays(7)));
  }

  @Test
  void defaultsHaveNoAccounts() {
    RosterConfig config = ConfigLoader.defaults();

    assertThat(config.accounts()).isEmpty();
    assertThat(config.http().port()).isEqualTo(8080);
  }

  @Test
  void shippedExampleParses() {
    RosterConfig config =
        ConfigLoader.load(Path.of("..", "roster.example.yaml"), Map.of("TEMPORAL_API_KEY", "k"));

    assertThat(config.accounts()).containsOnlyKeys("brevo-main");
    assertThat(config.temporal().apiKey()).hasToString("{env: TEMPORAL_API_KEY}");
    assertThat(config.temporal().payloadKeys().orElseThrow().active()).isEqualTo("k1");
    assertThat(config.http().codec().orElseThrow().origins())
        .containsExactly("http://localhost:8233");
    assertThat(config.accounts().get("brevo-main").rateBudgets())
        .isEqualTo(BrevoModule.TYPE.defaultBudgets());
    assertThat(config.imports().store()).isEqualTo(Path.of("/var/lib/roster/imports"));
    assertThat(config.imports().allowedRoots()).containsExactly(Path.of("/srv/roster/uploads"));
    assertThat(config.approvals().oidc().orElseThrow().issuer())
        .hasToString("https://login.example.com/realms/acme");
  }

  @Test
  void everyVendorTypeGetsItsDefaultsAndPartialBudgetsKeepTheRest() {
    RosterConfig config = ConfigLoader.load(fixture("all-types.yaml"), Map.of());

    assertThat(config.accounts())
        .containsOnlyKeys("brevo-main", "mailjet-eu", "mailersend", "news")
        .extractingFromEntries(Map.Entry::getKey)
        .containsExactly("brevo-main", "mailjet-eu", "mailersend", "news");
    AccountConfig mailjet = config.accounts().get("mailjet-eu");
    assertThat(mailjet.baseUrl()).isEqualTo(URI.create("https://api.mailjet.com"));
    assertThat(mailjet.rateBudgets())
        .containsExactly(Map.entry("api", new RateBudgetConfig(3, Duration.ofMinutes(1))));
    assertThat(config.accounts().get("mailersend").sandbox()).isTrue();
    assertThat(config.accounts().get("mailersend").baseUrl())
        .isEqualTo(URI.create("https://api.mailersend.com/v1"));
    AccountConfig listmonk = config.accounts().get("news");
    assertThat(listmonk.baseUrl()).isEqualTo(URI.create("https://listmonk.example.com"));
    assertThat(listmonk.rateBudgets())
        .containsExactly(Map.entry("api", new RateBudgetConfig(20, Duration.ofSeconds(1))));
    assertThat(listmonk.invitations())
        .isEqualTo(
            new InvitationConfig(
                Duration.ofMinutes(30), Duration.ofDays(2), Duration.ofHours(500)));
  }

  @Test
  void durationsAcceptShortFormsAndIso8601() {
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("3d")).contains(Duration.ofDays(3));
    assertThat(Durations.parse("PT15M")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("P3D")).contains(Duration.ofDays(3));
    assertThat(Durations.parse("15")).isEmpty();
    assertThat(Durations.parse("1w")).isEmpty();
  }

  @Test
  void missingExplicitFileIsAnError(@TempDir Path dir) {
    Path absent = dir.resolve("roster.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(absent, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(absent.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void missingDefaultFileMeansDefaultsWithEnvironmentApplied(@TempDir Path dir) {
    RosterConfig config =
        ConfigLoader.loadOrDefaults(dir.resolve("roster.yaml"), Map.of("ROSTER_HTTP_PORT", "9090"));

    assertThat(config.accounts()).isEmpty();
    assertThat(config.http().port()).isEqualTo(9090);
  }

  @Test
  void emptyFileMeansDefaults() {
    assertThat(ConfigLoader.parse("# nothing\n", "roster.yaml", Map.of()))
        .isEqualTo(ConfigLoader.defaults());
  }

  @Test
  void configRecordsAreImmutable() {
    RosterConfig config = ConfigLoader.load(fixture("minimal.yaml"), Map.of());

    assertThatThrownBy(() -> config.accounts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.approvals().privilegedRoles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.accounts().get("brevo-main").rateBudgets().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rateBudgetConvertsToRequestsPerSecond() {
    assertThat(new RateBudgetConfig(60, Duration.ofMinutes(1)).perSecond()).isEqualTo(1.0);
    assertThat(Vendors.types().all()).allSatisfy(t -> assertThat(t.families()).isNotEmpty());
  }
}
