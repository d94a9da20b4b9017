package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.ImportTestbed.BREVO;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static dev.roster.worker.bulkimport.ImportTestbed.LISTMONK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.bulkimport.InviteProgress;
import dev.roster.workflows.onboard.InvitesSent;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rows asking for team access become child OnboardUser workflows through a sliding window. */
class ImportInvitationsTest {
  private static final int WINDOW = 4;

  @TempDir Path dir;

  @Test
  @Timeout(180)
  void rowsWithATeamRoleAreInvitedThroughChildrenNeverMoreThanTheWindowAtOnce() throws Exception {
    // 60 rows: every fourth without a role, every tenth an admin, the rest viewers.
    Path csv = dir.resolve("team.csv");
    List<String> lines = new ArrayList<>(List.of("email,first_name,last_name,role"));
    Set<String> invited = new HashSet<>();
    Set<String> admins = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      String email = "member" + i + "@example.com";
      String role = i % 4 == 3 ? "" : i % 10 == 0 ? "admin" : "viewer";
      lines.add(email + ",First" + i + ",Last" + i + "," + role);
      if (!role.isEmpty()) {
        invited.add(email);
      }
      if (role.equals("admin")) {
        admins.add(email);
      }
    }
    write(csv, lines);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      var request =
          new BulkImportRequest(
              csv.toString(),
              List.of(
                  new ImportTarget(BREVO, List.of(Long.toString(BREVO_LIST))),
                  new ImportTarget(LISTMONK, List.of(Long.toString(bed.listmonkList)))),
              // A small history budget makes the window continue as new part-way.
              new ImportSettings(false, 100_000, 500, null, WINDOW, Duration.ofSeconds(30), 120),
              "alice",
              null,
              null);
      BulkImportWorkflow stub = bed.start("import-team", request);
      String firstRun = WorkflowStub.fromTyped(stub).getExecution().getRunId();
      awaitApproval(stub);
      assertThat(stub.status().approval().what()).contains("45 rows ask for team access");
      stub.approve(new Decision("bob", "ok", "test"));
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-team").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      InviteProgress invites = result.status().progress().invitations();
      assertThat(invites.asked()).isEqualTo(45);
      assertThat(invites.started()).isEqualTo(45);
      assertThat(invites.invited()).isEqualTo(45);
      assertThat(invites.failed()).isZero();
      assertThat(result.summary()).contains("team invitations: 45 asked, 45 sent, 0 failed");
      // Each row with a role was invited once on each account; the others were not.
      assertThat(bed.brevo.members().stream().map(Member::email).collect(Collectors.toSet()))
          .containsAll(invited)
          .doesNotContain("member3@example.com");
      assertThat(bed.brevo.members())
          .filteredOn(m -> invited.contains(m.email()))
          .allSatisfy(m -> assertThat(m.resendCount()).isZero())
          .hasSize(45);
      for (String email : invited) {
        assertThat(bed.listmonk.user(email)).as(email).isPresent();
      }
      assertThat(bed.listmonk.user("member3@example.com")).isEmpty();
      // Everyone is a contact, imported in bulk.
      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).hasSize(60);

      // The admin rows' children were approved by the import's approver, not asked again.
      OnboardStatus admin =
          bed.client
              .newUntypedWorkflowStub("import-team-invite-2")
              .query("status", OnboardStatus.class);
      assertThat(admin.approval().decision().by()).isEqualTo("bob");
      assertThat(admin.requestedBy()).isEqualTo("alice");

      // The window: never more than WINDOW children started without having reported.
      List<History> runs = BulkImportTest.runs(bed, "import-team", firstRun);
      assertThat(runs.size()).as("runs").isGreaterThan(1);
      Set<String> children = new HashSet<>();
      int highest = 0;
      for (History run : runs) {
        int outstanding = 0;
        int peak = 0;
        for (HistoryEvent e : run.getEventsList()) {
          if (e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
            String id = e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId();
            assertThat(children.add(id)).as("started once: " + id).isTrue();
            assertThat(id).doesNotContain("@");
            peak = Math.max(peak, ++outstanding);
          } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
              && e.getWorkflowExecutionSignaledEventAttributes()
                  .getSignalName()
                  .equals(InvitesSent.SIGNAL)) {
            outstanding--;
          }
        }
        assertThat(peak).isLessThanOrEqualTo(WINDOW);
        highest = Math.max(highest, peak);
        assertThat(outstanding).as("a run ends with its window drained").isZero();
      }
      assertThat(children).hasSize(45);
      assertThat(highest).as("the window was used in full").isEqualTo(WINDOW);

      // The children outlive the import: one accepts and its onboarding completes.
      bed.brevo.acceptInvitation("member0@example.com");
      OnboardResult child =
          bed.client.newUntypedWorkflowStub("import-team-invite-2").getResult(OnboardResult.class);
      assertThat(child.outcome()).isEqualTo("COMPLETED");
      record(bed, runs.get(0));
    }
  }

  /**
   * With {@code -Droster.recordHistories=DIR}, writes the import's first run and the admin row's
   * child for {@code BulkImportReplayTest} (re-record only for a deliberate, versioned change).
   */
  private static void record(ImportTestbed bed, History firstRun) throws IOException {
    String dir = System.getProperty("roster.recordHistories");
    if (dir == null) {
      return;
    }
    Files.writeString(
        Path.of(dir, "bulk-import.json"), new WorkflowExecutionHistory(firstRun).toJson(true));
    Files.writeString(
        Path.of(dir, "onboard-from-import.json"),
        bed.client.fetchHistory("import-team-invite-2").toJson(true));
  }

  @Test
  @Timeout(120)
  void anAccountWithoutContactsTakesTheInvitationsAndNothingElse() throws Exception {
    Path csv = dir.resolve("senders.csv");
    write(
        csv,
        List.of(
            "email,first_name,role",
            "ada@example.com,Ada,viewer",
            "grace@example.com,Grace,viewer",
            "linus@example.com,Linus,"));
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      BulkImportWorkflow stub = bed.start("import-senders", intoMailerSend(csv));
      awaitApproval(stub);
      stub.approve(new Decision("bob", "ok", "test"));
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-senders").getResult(BulkImportResult.class);

      // MailerSend keeps no contacts: its part is the two invitations, and they went out.
      assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
      assertThat(result.status().progress().accounts().get(0).state()).isEqualTo("skipped");
      assertThat(result.status().progress().invitations().invited()).isEqualTo(2);
      assertThat(bed.mailerSend.invite("ada@example.com")).isPresent();
      assertThat(bed.mailerSend.invite("grace@example.com")).isPresent();
      assertThat(bed.mailerSend.invite("linus@example.com")).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void contactsForAnAccountThatKeepsNoneFailSayingWhy() throws Exception {
    Path csv = dir.resolve("contacts.csv");
    write(csv, List.of("email,first_name", "ada@example.com,Ada"));
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      bed.start("import-nowhere", intoMailerSend(csv));
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-nowhere").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("FAILED");
      assertThat(result.status().accounts().get(0).steps().get(0).detail())
          .contains("mailersend keeps no contacts to import into");
    }
  }

  /** An import of {@code csv} into the MailerSend account alone, asked for by alice. */
  private static BulkImportRequest intoMailerSend(Path csv) {
    return new BulkImportRequest(
        csv.toString(),
        List.of(new ImportTarget(ImportTestbed.MAILERSEND, List.of())),
        new ImportSettings(false, 100_000, 0, null, 0, null, 0),
        "alice",
        null,
        null);
  }

  private static void awaitApproval(BulkImportWorkflow stub) throws InterruptedException {
    for (int i = 0; i < 600 && !"waiting".equals(stub.status().approval().state()); i++) {
      Thread.sleep(100);
    }
    assertThat(stub.status().approval().state()).isEqualTo("waiting");
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
