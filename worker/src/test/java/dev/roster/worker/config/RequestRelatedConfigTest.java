package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.ApproverRule;
import java.util.List;
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
  void approversBecomeThePolicyTheWorkflowsRead() {
    ApprovalPolicy policy =
        parse(
                """
                accounts: {brevo-main: {type: brevo}, mailjet-main: {type: mailjet}}
                approvals:
                  groups: {privacy: [erin, frank]}
                  approvers:
                    privacy-team: {kind: erasure, groups: [privacy], required: 2}
                    brevo-admins: {kind: privileged, accounts: [brevo-main], people: [bob]}
                """)
            .approvals()
            .policy();

    assertThat(policy.refusal("bob", ApproverRule.PRIVILEGED, List.of("brevo-main"))).isNull();
    assertThat(policy.refusal("erin", ApproverRule.PRIVILEGED, List.of("brevo-main")))
        .isEqualTo("erin may not approve privileged on brevo-main (allowed: bob)");
    // No rule covers mailjet-main's privileged roles: anyone but the requester.
    assertThat(policy.refusal("erin", ApproverRule.PRIVILEGED, List.of("mailjet-main"))).isNull();
    assertThat(policy.refusal("frank", ApproverRule.ERASURE, List.of("brevo-main"))).isNull();
    assertThat(policy.required(ApproverRule.ERASURE, List.of("brevo-main"))).isEqualTo(2);
    assertThat(policy.who(ApproverRule.ERASURE, List.of())).isEqualTo("group privacy");
  }

  @Test
  void badApproverRulesNameTheirPath() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                parse(
                    """
                    accounts: {brevo-main: {type: brevo}}
                    approvals:
                      groups: {privacy: [erin]}
                      approvers:
                        a: {kind: erase, people: [bob]}
                        b: {kind: erasure, groups: [legal], accounts: [brevo-man]}
                        c: {kind: import}
                        d: {kind: erasure, people: [bob], required: 9}
                    """));

    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "approvals.approvers.a.kind: expected one of privileged, erasure, import, got 'erase'",
            "approvals.approvers.b.groups: 'legal' is not in approvals.groups",
            "approvals.approvers.b.accounts: 'brevo-man' is not an account",
            "approvals.approvers.c: names nobody: give people or groups",
            "approvals.approvers.d.required: expected an integer from 1 to 5, got 9");
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
