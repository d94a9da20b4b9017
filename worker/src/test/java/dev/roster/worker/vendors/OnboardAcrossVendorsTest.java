package dev.roster.worker.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One request across all four vendors: Mailjet needs a manual task (done on day 1), MailerSend's
 * invitation is accepted on day 2, listmonk is done at once, and Brevo's invitation expires.
 */
class OnboardAcrossVendorsTest {
  private static final String ADA = "ada@example.com";

  @Test
  @Timeout(120)
  void eachVendorEndsTheWayItShouldAndTheFakesAgree() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, Duration.ofDays(2))) {
      OnboardRequest request =
          new OnboardRequest(
              new Person(ADA, "Ada", "Lovelace"),
              List.of(
                  new Assignment(FourVendorsTestbed.BREVO, "viewer", List.of("2"), null),
                  new Assignment(FourVendorsTestbed.MAILJET, "viewer", List.of("10"), null),
                  new Assignment(FourVendorsTestbed.MAILERSEND, "viewer", List.of(), null),
                  new Assignment(FourVendorsTestbed.LISTMONK, "viewer", List.of("3"), null)),
              "RITM0000042",
              "carol");
      OnboardUserWorkflow stub = world.start("onboard-four", request);

      world.env.sleep(Duration.ofDays(1));
      ManualTask task = openTask(stub);
      assertThat(task.account()).isEqualTo(FourVendorsTestbed.MAILJET);
      // Before the person confirms, Mailjet's account is not done.
      assertThat(reports(stub.status().accounts()).get(FourVendorsTestbed.MAILJET).outcome())
          .isEqualTo(StepState.PENDING);
      stub.completeManualTask(new TaskCompletion(task.taskId(), "dave", "invited in the UI"));

      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
      Map<String, AccountReport> byAccount = reports(result.status().accounts());

      assertThat(byAccount.get(FourVendorsTestbed.MAILJET).outcome()).isEqualTo(StepState.DONE);
      assertThat(byAccount.get(FourVendorsTestbed.MAILERSEND).outcome()).isEqualTo(StepState.DONE);
      assertThat(byAccount.get(FourVendorsTestbed.LISTMONK).outcome()).isEqualTo(StepState.DONE);
      assertThat(byAccount.get(FourVendorsTestbed.BREVO).outcome()).isEqualTo(StepState.EXPIRED);
      assertThat(result.outcome()).isEqualTo("PARTIAL");
      assertThat(result.status().manualTasks())
          .singleElement()
          .satisfies(t -> assertThat(t.completedBy()).isEqualTo("dave"));

      // The fakes hold the right state.
      assertThat(world.brevo.member(ADA)).isEmpty();
      assertThat(world.brevo.listMemberEmails(2)).contains(ADA);
      assertThat(world.mailjet.contact(ADA)).isPresent();
      assertThat(world.mailjet.listMemberEmails(10)).contains(ADA);
      assertThat(world.mailerSend.user(ADA)).isPresent();
      assertThat(world.mailerSend.invite(ADA)).isEmpty();
      assertThat(world.listmonk.user(ADA)).isPresent();
      assertThat(world.listmonk.listMemberEmails(3)).contains(ADA);
    }
  }

  private static ManualTask openTask(OnboardUserWorkflow stub) {
    List<ManualTask> open = stub.status().manualTasks().stream().filter(ManualTask::open).toList();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private static Map<String, AccountReport> reports(List<AccountReport> reports) {
    return reports.stream().collect(Collectors.toMap(AccountReport::account, Function.identity()));
  }
}
