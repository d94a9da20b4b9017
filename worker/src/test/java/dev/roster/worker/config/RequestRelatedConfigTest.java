package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration that requests depend on: privileged roles are Roster's; webhook secrets rotate. */
class RequestRelatedConfigTest {

  private static RosterConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "roster.yaml", Map.of());
  }

  @Test
  void privilegedRolesMustBeRostersRoles() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> parse("approvals: {privilegedRoles: [admin, owner]}\n"));

    assertThat(e.problems())
        .containsExactly(
            "approvals.privilegedRoles: 'owner' is not a Roster role (expected viewer, editor or"
                + " admin)");
    assertThat(
            parse("approvals: {privilegedRoles: [editor, Admin]}\n").approvals().privilegedRoles())
        .containsExactly("editor", "Admin");
  }

  @Test
  void webhookSecretIsOneReferenceOrTwoWhileRotating() {
    String one = "servicenow: {sandbox: true, webhookSecret: {env: NEW_SECRET}}\n";
    assertThat(parse(one).servicenow().webhookSecrets())
        .containsExactly(SecretRef.env("NEW_SECRET", "servicenow.webhookSecret"));

    String two =
        "servicenow: {sandbox: true, webhookSecret: [{env: NEW_SECRET}, {file: /run/old}]}\n";
    assertThat(parse(two).servicenow().webhookSecrets())
        .extracting(SecretRef::keyPath)
        .containsExactly("servicenow.webhookSecret[0]", "servicenow.webhookSecret[1]");
    assertThat(parse(two).servicenow().webhookSecrets().get(0))
        .isEqualTo(SecretRef.env("NEW_SECRET", "servicenow.webhookSecret[0]"));
  }

  @Test
  void threeWebhookSecretsOrAnInlineOneAreRefused() {
    ConfigException three =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                parse(
                    "servicenow: {sandbox: true, webhookSecret: [{env: A}, {env: B}, {env: C}]}\n"));
    assertThat(three.problems())
        .containsExactly(
            "servicenow.webhookSecret: give one secret, or a list of two while rotating (current"
                + " first)");

    ConfigException inline =
        catchThrowableOfType(
            ConfigException.class,
            () -> parse("servicenow: {sandbox: true, webhookSecret: [{env: A}, hunter2]}\n"));
    assertThat(inline.getMessage())
        .contains("servicenow.webhookSecret[1]: give a reference")
        .doesNotContain("hunter2");
  }
}
