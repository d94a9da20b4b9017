package dev.roster.starter;

import static dev.roster.starter.WorkerTestbed.BREVO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.starter.Started.How;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second request for someone whose request runs is never silently dropped: the same request
 * attaches (a redelivery), a different one is refused naming the running workflow and what differs,
 * and an amendment adds to the running one.
 */
@Timeout(60)
class SecondRequestTest {
  private static final Person ADA = new Person("ada@example.com", "Ada", null);

  private WorkerTestbed bed;
  private OnboardStarter starter;

  @BeforeEach
  void start() {
    bed = new WorkerTestbed();
    starter = bed.onboardStarter();
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private static OnboardRequest admin(String... lists) {
    return new OnboardRequest(
        ADA, List.of(new Assignment(BREVO, "admin", List.of(lists), null)), null, "carol");
  }

  @Test
  void theSameRequestAgainAttachesToTheRunningOne() {
    Started first = starter.start(admin("2"));
    Started again = starter.start(admin("2"));

    assertThat(first.how()).isEqualTo(How.STARTED);
    assertThat(again).isEqualTo(Started.of(first.workflowId(), How.ATTACHED));
    assertThat(first.workflowId()).startsWith("onboard-s-").doesNotContain("ada");
  }

  @Test
  void aDifferentRequestIsRefusedNamingTheRunningWorkflowAndWhatDiffers() {
    String id = starter.start(admin("2")).workflowId();

    assertThatThrownBy(
            () ->
                starter.start(
                    new OnboardRequest(
                        ADA,
                        List.of(new Assignment(BREVO, "viewer", List.of("2", "99"), null)),
                        null,
                        "carol")))
        .isInstanceOfSatisfying(
            RequestConflict.class,
            e -> {
              assertThat(e.workflowId()).isEqualTo(id);
              assertThat(e.differences())
                  .containsExactly(
                      BREVO + ": role admin running, viewer here",
                      BREVO + ": lists 2 running, 2, 99 here");
              assertThat(e.getMessage()).startsWith(id + " is already running with a different");
            });
    assertThat(client().newWorkflowStub(OnboardUserWorkflow.class, id).request())
        .isEqualTo(admin("2"));
  }

  @Test
  void anAmendmentAddsAListToTheRunningOnboarding() {
    String id = starter.start(admin("2")).workflowId();

    Started amended =
        starter.amend(
            new OnboardRequest(
                ADA, List.of(new Assignment(BREVO, null, List.of("7"), null)), null, "dave"),
            "cli");

    assertThat(amended).isEqualTo(new Started(id, How.AMENDED, BREVO + " lists 7"));
    assertThat(client().newWorkflowStub(OnboardUserWorkflow.class, id).request().assignments())
        .containsExactly(new Assignment(BREVO, "admin", List.of("2", "7"), null));
  }

  @Test
  void anAmendmentTheWorkflowRefusesSaysWhyAndNothingRunsIsSaidToo() {
    starter.start(admin("2"));
    assertThatThrownBy(
            () ->
                starter.amend(
                    new OnboardRequest(
                        ADA,
                        List.of(new Assignment(BREVO, "viewer", List.of("7"), null)),
                        null,
                        "dave"),
                    "cli"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused the amendment")
        .hasMessageContaining("does not change a role");

    Person grace = new Person("grace@example.com", null, null);
    assertThatThrownBy(
            () ->
                starter.amend(
                    new OnboardRequest(
                        grace, List.of(new Assignment(BREVO, null, List.of("7"), null)), null, "d"),
                    "cli"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no onboarding runs as onboard-s-");
  }

  @Test
  void aDifferentOffboardingIsRefusedAndTheSameOneAttaches() {
    OffboardStarter offboard = bed.offboardStarter();
    OffboardRequest erase = new OffboardRequest(ADA, List.of(BREVO), true, null, "carol", false);
    String id = offboard.start(erase).workflowId();

    assertThat(offboard.start(erase).how()).isEqualTo(How.ATTACHED);
    assertThatThrownBy(
            () -> offboard.start(new OffboardRequest(ADA, List.of(), false, null, "carol", false)))
        .isInstanceOfSatisfying(
            RequestConflict.class,
            e -> {
              assertThat(e.workflowId()).isEqualTo(id);
              assertThat(e.differences())
                  .containsExactly(
                      "erase: yes running, no here",
                      "accounts: " + BREVO + " running, " + BREVO + ", mailersend-main");
            });
  }

  private io.temporal.client.WorkflowClient client() {
    return bed.client;
  }
}
