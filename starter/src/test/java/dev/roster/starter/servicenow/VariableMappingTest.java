package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.onboard.OnboardRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariableMappingTest {
  private static final Set<String> ACCOUNTS = Set.of("brevo-main", "mailjet-eu", "listmonk");

  private WebhookRejection reject(
      VariableMapping mapping, WebhookEvent.Type type, Map<String, String> vars) {
    try {
      mapping.map(type, vars, ACCOUNTS);
    } catch (WebhookRejection e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  void defaultsReadTheDocumentedVariables() {
    TicketInputs inputs =
        VariableMapping.defaultMapping()
            .map(
                WebhookEvent.Type.ONBOARD,
                Map.of(
                    "email", " ada@example.com ",
                    "first_name", "Ada",
                    "last_name", "Lovelace",
                    "vendor_accounts", "brevo-main, mailjet-eu",
                    "lists", "7 brevo-main:12",
                    "role", "Editor"),
                ACCOUNTS);

    assertThat(inputs.email()).isEqualTo("ada@example.com");
    assertThat(inputs.accounts()).containsExactly("brevo-main", "mailjet-eu");
    assertThat(inputs.lists())
        .containsEntry("brevo-main", List.of("7", "12"))
        .containsEntry("mailjet-eu", List.of("7"));
    assertThat(inputs.role()).isEqualTo("editor");
    assertThat(inputs.erase()).isFalse();
  }

  @Test
  void aChangeTicketBecomesOneAccessChangePerAccountAndOnlyItRemovesLists() {
    Map<String, String> vars =
        Map.of(
            "email", "ada@example.com",
            "vendor_accounts", "brevo-main listmonk",
            "role", "admin",
            "lists", "brevo-main:12",
            "remove_lists", "7");
    TicketInputs inputs =
        VariableMapping.defaultMapping().map(WebhookEvent.Type.CHANGE, vars, ACCOUNTS);

    var request = inputs.changeRequest("RITM0010007", "carol");
    assertThat(request.changes())
        .containsExactly(
            new AccessChange("brevo-main", "admin", List.of("12"), List.of("7")),
            new AccessChange("listmonk", "admin", List.of(), List.of("7")));
    assertThat(request.ticket()).isEqualTo("RITM0010007");
    assertThat(request.requestedBy()).isEqualTo("carol");
    assertThat(request.addAccountsOrEmpty()).isEmpty();
    assertThat(request.removeAccountsOrEmpty()).isEmpty();

    assertThat(
            reject(VariableMapping.defaultMapping(), WebhookEvent.Type.ONBOARD, vars).getMessage())
        .contains("variables.remove_lists: only a change ticket removes lists");
    assertThat(
            reject(
                    VariableMapping.defaultMapping(),
                    WebhookEvent.Type.CHANGE,
                    Map.of(
                        "email", "ada@example.com",
                        "vendor_accounts", "brevo-main",
                        "remove_lists", "mailjet-eu:3"))
                .getMessage())
        .contains("variables.remove_lists: mailjet-eu is not among the selected accounts");
  }

  @Test
  void overridesReplaceVariableNamesAndNameThemInErrors() {
    VariableMapping mapping =
        new VariableMapping(Map.of("email", "u_new_hire_email", "accounts", "u_tools"));

    TicketInputs inputs =
        mapping.map(
            WebhookEvent.Type.ONBOARD,
            Map.of("u_new_hire_email", "ada@example.com", "u_tools", "listmonk"),
            ACCOUNTS);
    WebhookRejection missing = reject(mapping, WebhookEvent.Type.ONBOARD, Map.of("email", "x@y.z"));

    assertThat(inputs.accounts()).containsExactly("listmonk");
    assertThat(missing.errors())
        .containsExactly("variables.u_new_hire_email: required", "variables.u_tools: required");
  }

  @Test
  void unknownOverrideKeyFailsAtStartup() {
    assertThatThrownBy(() -> new VariableMapping(Map.of("mail", "email")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown input 'mail'");
  }

  @Test
  void unknownVendorAccountsAreNamed() {
    WebhookRejection e =
        reject(
            VariableMapping.defaultMapping(),
            WebhookEvent.Type.ONBOARD,
            Map.of("email", "ada@example.com", "vendor_accounts", "brevo-main,nosuch;unheard"));

    assertThat(e.kind()).isEqualTo(WebhookRejection.Kind.INVALID);
    assertThat(e.errors())
        .containsExactly("variables.vendor_accounts: unknown vendor account(s) nosuch, unheard");
  }

  @Test
  void badValuesAreEachReported() {
    WebhookRejection e =
        reject(
            VariableMapping.defaultMapping(),
            WebhookEvent.Type.ONBOARD,
            Map.of(
                "email", "not-an-email",
                "vendor_accounts", "brevo-main",
                "role", "owner",
                "erase_data", "maybe",
                "lists", "mailjet-eu:3"));

    assertThat(e.errors())
        .containsExactlyInAnyOrder(
            "variables.email: not an email address",
            "variables.role: must be one of viewer, editor, admin",
            "variables.erase_data: must be true or false",
            "variables.lists: mailjet-eu is not among the selected accounts");
  }

  @Test
  void offboardWithoutAccountsMeansEveryAccountAndReadsErase() {
    TicketInputs inputs =
        VariableMapping.defaultMapping()
            .map(
                WebhookEvent.Type.OFFBOARD,
                Map.of("email", "ada@example.com", "erase_data", "true"),
                ACCOUNTS);

    assertThat(inputs.accounts()).isEmpty();
    assertThat(inputs.erase()).isTrue();
    assertThat(inputs.offboardRequest("RITM0010002", "abel").erase()).isTrue();
  }

  @Test
  void bulkImportNeedsNoEmailButAnAttachmentSysId() {
    WebhookRejection e =
        reject(
            VariableMapping.defaultMapping(),
            WebhookEvent.Type.BULK_IMPORT,
            Map.of("vendor_accounts", "listmonk", "import_file", "people.csv"));

    assertThat(e.errors()).containsExactly("variables.import_file: must be an attachment sys_id");
  }

  @Test
  void bulkImportWithoutItsAttachmentVariableIsRefused() {
    WebhookRejection e =
        reject(
            VariableMapping.defaultMapping(),
            WebhookEvent.Type.BULK_IMPORT,
            Map.of("vendor_accounts", "listmonk"));

    assertThat(e.errors())
        .containsExactly("variables.import_file: required (the Attachment variable with the CSV)");
  }

  @Test
  void bulkImportRequestReadsTheRequestedItemsAttachmentIntoEachAccountsLists() {
    String attachment = "a".repeat(32);
    String ritm = "b".repeat(32);
    TicketInputs inputs =
        VariableMapping.defaultMapping()
            .map(
                WebhookEvent.Type.BULK_IMPORT,
                Map.of(
                    "vendor_accounts", "brevo-main listmonk",
                    "lists", "brevo-main:7 listmonk:3",
                    "import_file", attachment),
                ACCOUNTS);

    BulkImportRequest request =
        inputs.bulkImportRequest("sc_req_item", ritm, "RITM0010009", "abel.tuter");

    assertThat(request.source()).isEqualTo("servicenow:sc_req_item/" + ritm + "/" + attachment);
    assertThat(request.targets())
        .containsExactly(
            new ImportTarget("brevo-main", List.of("7")),
            new ImportTarget("listmonk", List.of("3")));
    assertThat(request.ticket()).isEqualTo("RITM0010009");
    assertThat(request.requestedBy()).isEqualTo("abel.tuter");
    assertThat(request.settings()).isNull();
  }

  @Test
  void onboardRequestHasOneAssignmentPerAccount() {
    TicketInputs inputs =
        VariableMapping.defaultMapping()
            .map(
                WebhookEvent.Type.ONBOARD,
                Map.of("email", "ada@example.com", "vendor_accounts", "brevo-main listmonk"),
                ACCOUNTS);

    OnboardRequest request = inputs.onboardRequest("RITM0010001", "abel.tuter");

    assertThat(request.ticket()).isEqualTo("RITM0010001");
    assertThat(request.requestedBy()).isEqualTo("abel.tuter");
    assertThat(request.assignments())
        .extracting(a -> a.account())
        .containsExactly("brevo-main", "listmonk");
  }
}
