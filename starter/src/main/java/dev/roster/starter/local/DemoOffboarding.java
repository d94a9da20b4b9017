package dev.roster.starter.local;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.starter.OffboardStarter;
import dev.roster.starter.cli.StatusTable;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardStatus;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.client.WorkflowClient;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The demo's second act: offboards Ada from every account with erasure. A person checks Mailjet by
 * hand (no API), the requester cannot approve the erasure, a second person does, and every sandbox
 * is checked: no access, no list membership, no contact data.
 */
final class DemoOffboarding {
  private final PrintStream out;
  private final DemoChecks checks;

  DemoOffboarding(PrintStream out, DemoChecks checks) {
    this.out = out;
    this.checks = checks;
  }

  void run(WorkflowClient client, OffboardStarter starter, Sandboxes sandboxes, String email)
      throws TimeoutException {
    String id =
        starter
            .start(
                new OffboardRequest(
                    new Person(email, null, null), List.of(), true, null, Demo.REQUESTER, false))
            .workflowId();
    out.println();
    out.println("Started " + id + " (every account, with erasure: needs an approval).");
    OffboardUserWorkflow stub = client.newWorkflowStub(OffboardUserWorkflow.class, id);
    ManualTask task =
        until(stub, s -> s.manualTasks().stream().anyMatch(ManualTask::open)).manualTasks().stream()
            .filter(ManualTask::open)
            .findFirst()
            .orElseThrow();
    stub.completeManualTask(
        new TaskCompletion(task.taskId(), Demo.OPERATOR, "removed from the Mailjet UI"));
    out.println(Demo.OPERATOR + " removed Mailjet access by hand and completed " + task.taskId());
    until(stub, s -> "waiting".equals(s.approval().state()));
    stub.approve(new Decision(Demo.APPROVER, "GDPR request verified", "demo"));
    out.println(Demo.APPROVER + " approved the erasure.");
    OffboardResult result =
        client
            .newUntypedWorkflowStub(id)
            .getResult(Demo.TIME_LIMIT.toSeconds(), TimeUnit.SECONDS, OffboardResult.class);
    out.println();
    StatusTable.print(new PrintWriter(out, true), id, result.status());
    out.println();
    verify(sandboxes, result, email);
  }

  /** Waits at a person's pace (real time) until the workflow's status shows {@code ready}. */
  private static OffboardStatus until(OffboardUserWorkflow stub, Predicate<OffboardStatus> ready)
      throws TimeoutException {
    long deadline = System.nanoTime() + Demo.TIME_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      OffboardStatus status = stub.status();
      if (ready.test(status)) {
        return status;
      }
      try {
        Thread.sleep(200); // a person's pace; the workflow does not depend on it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new TimeoutException("the offboarding did not reach the expected state in time");
  }

  private void verify(Sandboxes sandboxes, OffboardResult result, String email) {
    FakeBrevo brevo = sandboxes.fake(Demo.BREVO, FakeBrevo.class);
    FakeMailjet mailjet = sandboxes.fake(Demo.MAILJET, FakeMailjet.class);
    FakeMailerSend mailerSend = sandboxes.fake(Demo.MAILERSEND, FakeMailerSend.class);
    FakeListmonk listmonk = sandboxes.fake(Demo.LISTMONK, FakeListmonk.class);
    checks.check("Ada's offboarding completed", "COMPLETED".equals(result.outcome()));
    checks.check(
        "the erasure was approved by " + Demo.APPROVER,
        result.status().approval().decision() != null
            && Demo.APPROVER.equals(result.status().approval().decision().by()));
    checks.check(
        "Brevo: no member, no contact, on no list",
        brevo.member(email).isEmpty()
            && brevo.contact(email).isEmpty()
            && !brevo.listMemberEmails(2).contains(email));
    checks.check(
        "Mailjet: contact erased (anonymised), on no list",
        mailjet.contact(email).isEmpty() && !mailjet.listMemberEmails(10).contains(email));
    checks.check(
        "MailerSend: no user, address suppressed",
        mailerSend.user(email).isEmpty() && mailerSend.isSuppressed(email));
    checks.check(
        "listmonk: no user, no subscriber",
        listmonk.user(email).isEmpty() && listmonk.subscriber(email).isEmpty());
  }
}
