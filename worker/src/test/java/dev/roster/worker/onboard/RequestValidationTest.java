package dev.roster.worker.onboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request that reaches a workflow without passing a door that checks it (an untyped Temporal CLI
 * start) is refused by the workflow itself: non-retryable InvalidRequest naming the field, before
 * any vendor is called.
 */
class RequestValidationTest {

  private static ApplicationFailure failureOf(FourVendorsTestbed bed, String type, Object input) {
    WorkflowStub stub =
        bed.client.newUntypedWorkflowStub(
            type,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowId("invalid-" + type)
                .build());
    stub.start(input);
    Throwable thrown = null;
    try {
      stub.getResult(Object.class);
    } catch (WorkflowFailedException e) {
      thrown = e.getCause();
    }
    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown;
  }

  @Test
  @Timeout(60)
  void onboardUserRefusesAnUnknownRoleATicketEmailAndNoRequester() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofHours(1), null)) {
      OnboardRequest request =
          new OnboardRequest(
              person("zed@example.com"),
              List.of(new Assignment(BREVO, "superuser", List.of("two"), null)),
              "zed@example.com",
              "");
      ApplicationFailure failure = failureOf(bed, OnboardUserWorkflow.TYPE, request);

      assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains("assignments[0].role: 'superuser' is not a Roster role")
          .contains("assignments[0].lists: 'two' is not a list id")
          .contains("requestedBy: missing")
          .contains("ticket: not a ticket number")
          .doesNotContain("zed@example.com");
      assertThat(bed.brevo.totalCalls()).isZero();
    }
  }

  @Test
  @Timeout(60)
  void offboardUserRefusesNoRequesterAndABadTicket() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofHours(1), null)) {
      OffboardRequest request =
          new OffboardRequest(person("ada@example.com"), List.of(), true, "RITM 2", " ", false);
      ApplicationFailure failure = failureOf(bed, OffboardUserWorkflow.TYPE, request);

      assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
      assertThat(failure.getOriginalMessage())
          .contains("requestedBy: missing")
          .contains("ticket: not a ticket number");
      assertThat(bed.brevo.totalCalls()).isZero();
    }
  }

  @Test
  @Timeout(60)
  void bulkImportRefusesListIdsThatAreNotNumbers() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofHours(1), null)) {
      BulkImportRequest request =
          new BulkImportRequest(
              "/nowhere/contacts.csv",
              List.of(new ImportTarget(BREVO, List.of("newsletter"))),
              null,
              "carol",
              null,
              null);
      ApplicationFailure failure = failureOf(bed, BulkImportWorkflow.TYPE, request);

      assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
      assertThat(failure.getOriginalMessage())
          .contains("targets[0].lists: 'newsletter' is not a list id");
    }
  }
}
