package dev.roster.worker.config;

import static dev.roster.worker.config.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.worker.vendor.Vendors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {
  /** Every registered vendor type, in registration order (the first four are Roster's own). */
  private static final String KNOWN_TYPES = Vendors.types().yamlNames();

  private static ConfigException loadFails(Path file) {
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
  }

  private static ConfigException parseFails(String yaml) {
    return catchThrowableOfType(
        ConfigException.class, () -> ConfigLoader.parse(yaml, "roster.yaml", Map.of()));
  }

  @Test
  void unknownKeyFailsNamingItsPathAndTheAcceptedKeys() {
    ConfigException e = loadFails(fixture("unknown-key.yaml"));

    assertThat(e.getMessage())
        .startsWith(fixture("unknown-key.yaml").toString())
        .contains(
            "accounts.brevo-main.baseUrI: unknown key (expected one of: type, baseUrl,"
                + " credentials, sandbox, rateBudgets, invitations)");
  }

  @Test
  void badUrlFailsNamingItsPathAndWhatIsExpected() {
    ConfigException e = loadFails(fixture("bad-url.yaml"));

    assertThat(e.problems())
        .containsExactly(
            "accounts.brevo-main.baseUrl: expected an http or https URL, got \"ftp://x\"");
  }

  @Test
  void urlWithUserInfoIsRefusedWithoutEchoingIt() {
    ConfigException e =
        parseFails("accounts: {a: {type: brevo, baseUrl: 'https://me:hunter2@api.brevo.com/v3'}}");

    assertThat(e.getMessage())
        .contains("accounts.a.baseUrl: must not contain user:password")
        .doesNotContain("hunter2");
  }

  @Test
  void workerTuningDefaultsForTwoCoresAndBadValuesNameTheirKey() {
    assertThat(ConfigLoader.parse("accounts: {}", "t", Map.of()).worker())
        .isEqualTo(WorkerConfig.DEFAULTS);
    RosterConfig tuned =
        ConfigLoader.parse(
            "worker: {maxConcurrentActivities: 50, activityPollers: 4, shutdownGrace: 2m}",
            "t",
            Map.of());
    assertThat(tuned.worker().maxConcurrentActivities()).isEqualTo(50);
    assertThat(tuned.worker().activityPollers()).isEqualTo(4);
    assertThat(tuned.worker().shutdownGrace()).isEqualTo(Duration.ofMinutes(2));

    ConfigException e = parseFails("worker: {workflowPollers: 1, shutdownGrace: soon, pollers: 3}");

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("worker.workflowPollers: "))
        .anySatisfy(p -> assertThat(p).startsWith("worker.shutdownGrace: expected a duration"))
        .anySatisfy(p -> assertThat(p).startsWith("worker.pollers: unknown key"));
  }

  @Test
  void theKnownTypesStartWithRostersFourVendors() {
    assertThat(KNOWN_TYPES).startsWith("brevo, mailjet, mailersend, listmonk");
  }

  @Test
  void unknownTypeFailsListingTheTypes() {
    ConfigException e = parseFails("accounts: {x: {type: nosuchvendor}}");

    assertThat(e.problems())
        .containsExactly(
            "accounts.x.type: expected one of " + KNOWN_TYPES + ", got \"nosuchvendor\"");
  }

  @Test
  void unknownEndpointFamilyFailsListingTheTypesFamilies() {
    ConfigException e =
        parseFails(
            "accounts: {brevo-main: {type: brevo, rateBudgets: {orgs: {requests: 1, per: 1s}}}}");

    assertThat(e.problems())
        .containsExactly(
            "accounts.brevo-main.rateBudgets.orgs: unknown endpoint family for brevo (expected one"
                + " of: organization, contacts)");
  }

  @Test
  void badDurationFailsShowingTheAcceptedForms() {
    ConfigException e = parseFails("approvals: {timeout: 1 week}");

    assertThat(e.problems())
        .containsExactly(
            "approvals.timeout: expected a duration like 500ms, 30s, 15m, 1h, 3d or PT15M, got \"1 week\"");
  }

  @Test
  void accountIdThatCannotBeATaskQueueNameFails() {
    ConfigException e = parseFails("accounts: {Brevo_Main: {type: brevo}}");

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("accounts.Brevo_Main: account id must match [a-z0-9][a-z0-9-]{0,39}");
  }

  @Test
  void listmonkWithoutBaseUrlFails() {
    ConfigException e = parseFails("accounts: {news: {type: listmonk}}");

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("accounts.news.baseUrl: required for listmonk");
  }

  @Test
  void everyProblemIsReportedTogetherOnePerLine() {
    Path file = fixture("several-problems.yaml");
    ConfigException e = loadFails(file);

    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "temporal.embeddedPort: expected an integer from 1 to 65535, got 70000",
            "http.port: expected an integer from 0 to 65535, got -1",
            "accounts.x.type: expected one of " + KNOWN_TYPES + ", got \"nosuchvendor\"",
            "accounts.brevo-main.rateBudgets.orgs: unknown endpoint family for brevo (expected one"
                + " of: organization, contacts)",
            "accounts.brevo-main.rateBudgets.contacts.requests: expected a positive integer, got 0",
            "accounts.brevo-main.rateBudgets.contacts.per: expected a duration like 500ms, 30s, 15m,"
                + " 1h, 3d or PT15M, got \"soon\"",
            "accounts.brevo-main.invitations.pollInterval: expected a duration like 500ms, 30s, 15m,"
                + " 1h, 3d or PT15M, got 15",
            "accounts.Bad_Id: account id must match [a-z0-9][a-z0-9-]{0,39} (it becomes part of"
                + " task-queue names)",
            "accounts.team.baseUrl: required for listmonk (self-hosted): the URL of your instance,"
                + " e.g. https://listmonk.example.com",
            "approvals.timeout: expected a positive duration, got \"-P1D\"");
    assertThat(e.getMessage().lines())
        .hasSize(10)
        .allSatisfy(line -> assertThat(line).startsWith(file + ": "));
  }

  @Test
  void inlineSecretIsRefusedWithoutEchoingIt() {
    ConfigException e = loadFails(fixture("inline-secret.yaml"));

    assertThat(e.problems())
        .containsExactly(
            "accounts.brevo-main.credentials: give a reference {env: NAME} or {file: PATH}, not the"
                + " secret itself");
    assertThat(e.getMessage()).doesNotContain("xkeysib");
  }

  @Test
  void secretPastedAsAnEnvironmentVariableNameIsNotEchoed() {
    ConfigException e = parseFails("subjectKey: {env: 'xkeysib-01/23+45=='}");

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("subjectKey.env: expected an environment variable name");
    assertThat(e.getMessage()).doesNotContain("xkeysib");
  }

  @Test
  void secretReferenceNeedsExactlyOneOfEnvAndFile() {
    ConfigException e =
        parseFails("subjectKey: {env: A, file: /b}\ntemporal: {apiKey: {vault: x}}");

    assertThat(e.problems())
        .containsExactly(
            "temporal.apiKey.vault: unknown key (expected one of: env, file)",
            "temporal.apiKey: give exactly one of {env: NAME} or {file: PATH}",
            "subjectKey: give exactly one of {env: NAME} or {file: PATH}");
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    ConfigException e = loadFails(fixture("syntax-error.yaml"));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "line 5, column 1: YAML syntax error: expected ',' or '}', but got <stream end>"
                + " (while parsing a flow mapping at line 4)");
  }

  @Test
  void duplicateKeyIsAnError() {
    ConfigException e = parseFails("http: {port: 1}\nhttp: {port: 2}\n");

    assertThat(e.getMessage()).startsWith("roster.yaml: line 2").contains("http");
  }

  @Test
  void malformedTemporalAddressAndMissingTlsFilesFail() {
    ConfigException e =
        parseFails(
            "temporal: {address: 'temporal.example.com', tls: {enabled: true, certFile: /nope/c.pem}}");

    assertThat(e.problems())
        .containsExactly(
            "temporal.address: expected host:port of a Temporal frontend (e.g."
                + " temporal.example.com:7233), or empty for the embedded server, got"
                + " \"temporal.example.com\"",
            "temporal.tls: give both certFile and keyFile (mTLS client certificate) or neither",
            "temporal.tls.certFile: file /nope/c.pem does not exist");
  }

  @Test
  void wrongValueKindsFailNamingTheKey() {
    ConfigException e =
        parseFails(
            "http: [1]\napprovals: {privilegedRoles: admin}\naccounts: {a: {type: brevo, sandbox: maybe}}");

    assertThat(e.problems())
        .containsExactly(
            "http: expected a mapping, got a list",
            "accounts.a.sandbox: expected true or false, got \"maybe\"",
            "approvals.privilegedRoles: expected a list like [admin], got \"admin\"");
  }
}
