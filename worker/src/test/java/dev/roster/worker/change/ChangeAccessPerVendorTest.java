package dev.roster.worker.change;

import static dev.roster.worker.testbed.FourVendorsTestbed.APPROVER;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILERSEND;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.REQUESTER;
import static dev.roster.worker.testbed.FourVendorsTestbed.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.change.ChangeAccessResult;
import dev.roster.workflows.change.ChangeAccessWorkflow;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ChangeAccess against the four sandbox fakes over HTTP: after each change the fakes hold the new
 * roles (Brevo's permissions, MailerSend's user and invite roles, listmonk's user role), the list
 * changes, and the accounts added and removed; Mailjet's role change is a manual task.
 */
class ChangeAccessPerVendorTest {
  private static final String ADA = "ada@example.com";

  /** Mailjet's second seeded list. */
  private static final long PRODUCT_UPDATES = 11;

  private static ChangeAccessWorkflow start(
      FourVendorsTestbed bed, String id, ChangeAccessRequest request) {
    ChangeAccessWorkflow stub =
        bed.client.newWorkflowStub(
            ChangeAccessWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ROSTER).setWorkflowId(id).build());
    WorkflowClient.start(stub::change, request);
    return stub;
  }

  private static ChangeAccessResult result(ChangeAccessWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(ChangeAccessResult.class);
  }

  @Test
  @Timeout(180)
  void everyVendorHoldsTheNewRolesOnceTheUpgradeIsApproved() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), Duration.ofDays(1))) {
      assertThat(bed.onboard(ADA, BREVO, MAILERSEND, LISTMONK, MAILJET).outcome())
          .isEqualTo("COMPLETED");
      assertThat(bed.brevo.member(ADA).orElseThrow().allFeaturesAccess()).isFalse();
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).contains(ADA);
      long managers = bed.brevo.createList("Managers");

      ChangeAccessRequest request =
          new ChangeAccessRequest(
              person(ADA),
              List.of(
                  new AccessChange(
                      BREVO,
                      "admin",
                      List.of(Long.toString(managers)),
                      List.of(Long.toString(BREVO_LIST))),
                  new AccessChange(MAILERSEND, "editor", null, null),
                  new AccessChange(LISTMONK, "editor", null, List.of(Long.toString(LISTMONK_LIST))),
                  new AccessChange(
                      MAILJET,
                      "editor",
                      List.of(Long.toString(PRODUCT_UPDATES)),
                      List.of(Long.toString(MAILJET_LIST)))),
              null,
              null,
              "RITM0000300",
              REQUESTER);
      ChangeAccessWorkflow stub = start(bed, "change-RITM0000300", request);
      bed.env.sleep(Duration.ofHours(1));

      // The moves that are no upgrade are done; the admin waits for its approval.
      assertThat(stub.status().phase()).isEqualTo("approval");
      assertThat(bed.brevo.member(ADA).orElseThrow().allFeaturesAccess()).isFalse();
      assertThat(bed.mailerSend.user(ADA).orElseThrow().role()).isEqualTo("Manager");
      assertThat(bed.listmonk.user(ADA).orElseThrow().userRoleName()).isEqualTo("Editor");
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).doesNotContain(ADA);

      stub.completeManualTask(new TaskCompletion(MAILJET + "-role", "dave", "changed in the UI"));
      stub.approveNow(new Decision(APPROVER, null, "test"));
      ChangeAccessResult result = result(stub);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      Member brevo = bed.brevo.member(ADA).orElseThrow();
      assertThat(brevo.allFeaturesAccess()).isTrue();
      assertThat(brevo.status()).isEqualTo("active");
      assertThat(bed.brevo.listMemberEmails(managers)).contains(ADA);
      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).doesNotContain(ADA);
      assertThat(bed.mailjet.listMemberEmails(PRODUCT_UPDATES)).contains(ADA);
      assertThat(bed.mailjet.listMemberEmails(MAILJET_LIST)).doesNotContain(ADA);
      assertThat(result.status().manualTasks())
          .singleElement()
          .satisfies(t -> assertThat(t.completedBy()).isEqualTo("dave"));
      Histories.record(bed.client, "change-RITM0000300", null, "change-access.json");
    }
  }

  @Test
  @Timeout(120)
  void aPendingMailerSendInviteIsIssuedAgainWithTheNewRole() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      bed.startOnboarding(ADA, MAILERSEND);
      bed.env.sleep(Duration.ofMinutes(10));
      assertThat(bed.mailerSend.invite(ADA).orElseThrow().role()).isEqualTo("Custom User");

      ChangeAccessResult result =
          result(
              start(
                  bed,
                  "change-pending",
                  new ChangeAccessRequest(
                      person(ADA),
                      List.of(new AccessChange(MAILERSEND, "editor", null, null)),
                      null,
                      null,
                      null,
                      REQUESTER)));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.mailerSend.invites())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.email()).isEqualTo(ADA);
                assertThat(i.role()).isEqualTo("Manager");
              });
      assertThat(bed.mailerSend.user(ADA)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void anAccountIsAddedAsOnboardingAddsItAndOneRemovedWithoutErasure() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), null)) {
      assertThat(bed.onboard(ADA, BREVO).outcome()).isEqualTo("COMPLETED");

      ChangeAccessResult result =
          result(
              start(
                  bed,
                  "change-move",
                  new ChangeAccessRequest(
                      person(ADA),
                      null,
                      List.of(
                          new Assignment(
                              LISTMONK, "viewer", List.of(Long.toString(LISTMONK_LIST)), null)),
                      List.of(BREVO),
                      null,
                      REQUESTER)));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.brevo.member(ADA)).isEmpty();
      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).doesNotContain(ADA);
      assertThat(bed.brevo.contact(ADA)).as("removed, never erased").isPresent();
      assertThat(bed.listmonk.user(ADA).orElseThrow().userRoleName()).isEqualTo("Viewer");
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).contains(ADA);
    }
  }

  @Test
  @Timeout(120)
  void anOffboardingWithdrawsAnAccessChangeStillWaitingForItsApproval() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), null)) {
      assertThat(bed.onboard(ADA, BREVO).outcome()).isEqualTo("COMPLETED");
      String changeId = "change-" + FourVendorsTestbed.subject(ADA);
      ChangeAccessWorkflow change =
          start(
              bed,
              changeId,
              new ChangeAccessRequest(
                  person(ADA),
                  List.of(new AccessChange(BREVO, "admin", null, null)),
                  null,
                  null,
                  null,
                  REQUESTER));
      bed.env.sleep(Duration.ofHours(1));
      assertThat(change.status().phase()).isEqualTo("approval");

      OffboardResult offboarded =
          FourVendorsTestbed.result(
              bed.startOffboarding(
                  "offboard-mover", FourVendorsTestbed.request(ADA, false, false, BREVO)));

      assertThat(offboarded.status().cancelledOnboardings()).containsExactly(changeId);
      assertThat(result(change).outcome()).isEqualTo("CANCELLED");
      assertThat(bed.brevo.member(ADA)).isEmpty();
    }
  }
}
