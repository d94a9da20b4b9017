package dev.roster.starter.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.ImportStarter;
import dev.roster.starter.cli.ImportCommand;
import dev.roster.starter.cli.ImportProgressLine;
import dev.roster.starter.cli.StatusTable;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportStatus;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.bulkimport.InviteProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ImportCommandTest {

  private static BulkImportRequest parse(String... args) {
    ImportCommand command = new ImportCommand();
    new CommandLine(command).parseArgs(args);
    return command.request();
  }

  @Test
  void listsBelongToTheAccountTheyFollowAndTheSourceIsMadeAbsolute() {
    BulkImportRequest request =
        parse(
            "contacts.csv",
            "--account",
            "brevo-main",
            "--list",
            "2",
            "--list",
            "7",
            "--account",
            "mailjet-main",
            "--list",
            "10",
            "--account",
            "listmonk-main",
            "--ticket",
            "RITM0010042",
            "--requested-by",
            "carol",
            "--approval-threshold",
            "5000",
            "--invites-in-flight",
            "5");

    assertThat(request.targets())
        .containsExactly(
            new ImportTarget("brevo-main", List.of("2", "7")),
            new ImportTarget("mailjet-main", List.of("10")),
            new ImportTarget("listmonk-main", List.of()));
    assertThat(request.source()).isEqualTo(Path.of("contacts.csv").toAbsolutePath().toString());
    assertThat(request.requestedBy()).isEqualTo("carol");
    assertThat(request.ticket()).isEqualTo("RITM0010042");
    assertThat(request.settings().dryRun()).isFalse();
    assertThat(request.settings().approvalAboveOrDefault()).isEqualTo(5000);
    assertThat(request.settings().invitesInFlightOrDefault()).isEqualTo(5);
    assertThat(request.resume()).isNull();
  }

  @Test
  void dryRunAndDefaultsAndUrlsKeptAsGiven() {
    BulkImportRequest request =
        parse("https://files.example.com/q3.csv?token=abc", "--account", "brevo-main", "--dry-run");
    assertThat(request.source()).isEqualTo("https://files.example.com/q3.csv?token=abc");
    assertThat(request.settings().dryRun()).isTrue();
    assertThat(request.settings().approvalAboveOrDefault()).isEqualTo(1000);
    assertThat(request.settings().invitesInFlightOrDefault()).isEqualTo(20);
    assertThat(ImportStarter.describe(request.source()))
        .isEqualTo("https://files.example.com/q3.csv");
  }

  @Test
  void workflowIdsUseTheTicketOrAHashAndNeverAnEmail() {
    ImportStarter starter = new ImportStarter(null, List.of("brevo-main", "mailjet-main"));
    BulkImportRequest withTicket =
        parse("/data/ada@example.com.csv", "--account", "brevo-main", "--ticket", "RITM1");
    assertThat(starter.workflowId(withTicket)).isEqualTo("import-RITM1");

    BulkImportRequest a = parse("/data/ada@example.com.csv", "--account", "brevo-main");
    BulkImportRequest b =
        parse("/data/ada@example.com.csv", "--account", "brevo-main", "--list", "2");
    BulkImportRequest dry =
        parse("/data/ada@example.com.csv", "--account", "brevo-main", "--dry-run");
    assertThat(starter.workflowId(a)).matches("import-[0-9a-f]{12}");
    assertThat(starter.workflowId(a)).isEqualTo(starter.workflowId(a));
    assertThat(starter.workflowId(b)).isNotEqualTo(starter.workflowId(a));
    assertThat(starter.workflowId(dry)).startsWith("import-dry-run-").doesNotContain("@");
  }

  @Test
  void unknownAccountsNameTheConfiguredOnes() {
    ImportStarter starter = new ImportStarter(null, List.of("brevo-main", "mailjet-main"));
    BulkImportRequest request = parse("/data/c.csv", "--account", "brevo-x", "--list", "2");
    assertThat(starter.problems(request))
        .singleElement()
        .asString()
        .contains("brevo-x")
        .contains("brevo-main, mailjet-main");
    assertThat(starter.problems(parse("http://example.com/c.csv", "--account", "brevo-main")))
        .singleElement()
        .asString()
        .contains("https");
  }

  @Test
  void listIdsMustFitTheirVendorAndTicketsMayNotHoldAnEmail() {
    ImportStarter starter =
        new ImportStarter(
            null,
            ConfiguredAccounts.of(
                ConfigLoader.parse(
                    String.join(
                        "\n",
                        "accounts:",
                        "  brevo-main: {type: brevo}",
                        "  mailersend-main: {type: mailersend}",
                        "  listmonk-main: {type: listmonk, baseUrl: 'https://lists.example.com'}",
                        ""),
                    "test",
                    Map.of())));
    assertThat(
            starter.problems(
                parse("/data/c.csv", "--account", "brevo-main", "--list", "2", "--list", "two")))
        .singleElement()
        .asString()
        .startsWith("targets[0].lists: 'two' is not a list id");
    assertThat(
            starter.problems(parse("/data/c.csv", "--account", "mailersend-main", "--list", "5")))
        .singleElement()
        .asString()
        .contains("mailersend has no lists");
    assertThat(starter.problems(parse("/data/c.csv", "--account", "mailersend-main"))).isEmpty();
    assertThat(
            starter.problems(
                parse("/data/c.csv", "--account", "listmonk-main", "--ticket", "zed@example.com")))
        .singleElement()
        .asString()
        .startsWith("ticket: not a ticket number");
    assertThat(
            starter.problems(
                parse("/data/c.csv", "--account", "brevo-main", "--requested-by", " ")))
        .singleElement()
        .asString()
        .startsWith("requestedBy: missing");
  }

  @Test
  void anImportsApprovalShowsItsReportAsLines() {
    String what =
        "import 38 contacts into mailjet-main (lists 10)\n"
            + "source: file:/data/c.csv\n"
            + "rows read: 40, valid: 38, invalid: 2, with team role: 0\n"
            + "  INVALID_EMAIL: 1";
    BulkImportStatus status =
        new BulkImportStatus(
            "approval",
            null,
            "carol",
            "file:/data/c.csv",
            new ApprovalStatus("waiting", what, "carol", null, null, List.of(), 0, List.of(), null),
            List.of(),
            List.of(),
            null);
    java.io.StringWriter text = new java.io.StringWriter();

    StatusTable.print(new java.io.PrintWriter(text), "import-x", status);

    assertThat(text.toString())
        .contains(
            "approval: waiting"
                + System.lineSeparator()
                + "  import 38 contacts into mailjet-main (lists 10)"
                + System.lineSeparator()
                + "  source: file:/data/c.csv"
                + System.lineSeparator()
                + "  rows read: 40, valid: 38, invalid: 2, with team role: 0"
                + System.lineSeparator()
                + "    INVALID_EMAIL: 1");
  }

  @Test
  void progressBarShowsConfirmedOverValidPerAccountAndAnEta() {
    ImportProgress p =
        new ImportProgress(
            "importing",
            1000,
            990,
            10,
            1500,
            990,
            0,
            1980,
            0,
            10_000,
            0,
            "/tmp/report.csv",
            List.of(
                account("brevo-main", "importing", 990), account("mailjet-main", "importing", 0)),
            new InviteProgress(null, 0, 4, 4, 2, 1, 1));
    String line = ImportProgressLine.of(p);
    assertThat(line)
        .startsWith(
            "[############------------] 50% 990/1980 confirmed (990 valid rows, 10 invalid)")
        .contains("brevo-main 990/990")
        .contains("mailjet-main 0/990")
        .contains("invitations 2/4 sent, 1 failed")
        .endsWith("ETA 10s");
  }

  @Test
  void statusOfAnImportShowsTheBarTheInvitationsAndTheFailureReport() {
    ImportProgress p =
        new ImportProgress(
            "importing",
            10,
            9,
            1,
            9,
            9,
            0,
            9,
            0,
            10_000,
            0,
            "/tmp/report.csv",
            List.of(account("brevo-main", "done", 9)),
            new InviteProgress(null, 0, 4, 4, 2, 1, 1));
    BulkImportStatus status =
        new BulkImportStatus(
            "importing", null, "alice", "file:/tmp/c.csv", null, List.of(), List.of(), p);
    java.io.StringWriter text = new java.io.StringWriter();

    StatusTable.print(new java.io.PrintWriter(text), "import-x", status);

    assertThat(text.toString())
        .contains("import-x  phase=importing")
        .contains("100% 9/9 confirmed")
        .contains(
            "team invitations: 4 asked, 4 started, 2 sent, 1 failed, 1 in flight (each is an"
                + " onboarding: roster status import-x-invite-<line>)")
        .contains("failure report: /tmp/report.csv");
  }

  private static AccountProgress account(String id, String state, long confirmed) {
    return new AccountProgress(id, state, "", null, false, 0, confirmed, confirmed, 0, 1, null);
  }
}
