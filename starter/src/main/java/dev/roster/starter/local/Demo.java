package dev.roster.starter.local;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.brevo.Member;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.OffboardStarter;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.cli.StatusTable;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code roster demo}: onboards two people on sandboxes of all four vendors (one plain, with a
 * Mailjet manual task that it completes; one privileged that a second person approves after the
 * requester's own approval is refused), lets the sandboxes accept the invitations, prints each
 * step, and checks the end state in every sandbox. Then it offboards Ada with erasure (see {@link
 * DemoOffboarding}).
 */
public final class Demo {
  static final String BREVO = "brevo-demo";
  static final String MAILJET = "mailjet-demo";
  static final String MAILERSEND = "mailersend-demo";
  static final String LISTMONK = "listmonk-demo";
  static final String OPERATOR = "demo-operator";
  static final String REQUESTER = "demo-requester";
  static final String APPROVER = "demo-approver";
  static final Duration ACCEPT_AFTER = Duration.ofSeconds(2);
  static final Duration TIME_LIMIT = Duration.ofMinutes(2);

  private final PrintStream out;
  private final DemoChecks checks;

  public Demo(PrintStream out) {
    this.out = out;
    this.checks = new DemoChecks(out);
  }

  /** The demo's built-in configuration. */
  public static RosterConfig config(Map<String, String> env) {
    try (InputStream in = Demo.class.getResourceAsStream("/dev/roster/starter/demo.yaml")) {
      return ConfigLoader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml", env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the demo; true when every expected end state holds. */
  public boolean run(Map<String, String> env, Integer temporalPort)
      throws TimeoutException, java.io.IOException, InterruptedException {
    RosterConfig config = config(env);
    try (LocalStack stack =
        LocalStack.start(config, env, new LocalStack.Options(temporalPort, 0, ACCEPT_AFTER), out)) {
      runOn(stack, config, env);
    }
    return passed();
  }

  /**
   * The demo's requests and checks on {@code stack}, started with the demo's configuration (plus
   * whatever a test adds to it); see {@link #passed()} for the verdict.
   */
  public void runOn(LocalStack stack, RosterConfig config, Map<String, String> env)
      throws TimeoutException, java.io.IOException, InterruptedException {
    WorkflowClient client = stack.connection().client();
    OnboardStarter starter =
        new OnboardStarter(client, stack.subjects().hasher(), ConfiguredAccounts.of(config));
    OnboardRequest ada =
        request(
            "ada.lovelace@example.com",
            "Ada",
            "Lovelace",
            new Assignment(BREVO, "viewer", List.of("2"), SOURCE),
            new Assignment(MAILJET, "viewer", List.of("10"), SOURCE),
            new Assignment(MAILERSEND, "viewer", List.of(), null),
            new Assignment(LISTMONK, "viewer", List.of("3"), SOURCE));
    OnboardRequest grace =
        request(
            "grace.hopper@example.com",
            "Grace",
            "Hopper",
            new Assignment(BREVO, "admin", List.of("2", "7"), SOURCE),
            new Assignment(LISTMONK, "editor", List.of("3", "4"), SOURCE));
    String adaId = starter.start(ada).workflowId();
    String graceId = starter.start(grace).workflowId();
    out.println();
    out.println("Started " + adaId + " (viewer on all four vendors)");
    out.println("    and " + graceId + " (admin on Brevo: needs an approval).");
    var graceStub = client.newUntypedWorkflowStub(graceId);
    graceStub.signal("approve", new Decision(REQUESTER, "approving my own request", "demo"));
    graceStub.signal("approve", new Decision(APPROVER, "admin for the platform team", "demo"));
    out.println(REQUESTER + " tried to approve (refused), then " + APPROVER + " approved.");
    ManualTask task = awaitOpenTask(client, adaId);
    out.println("Mailjet has no API for team members, so a manual task opened: " + task.taskId());
    client
        .newUntypedWorkflowStub(adaId)
        .signal(
            "completeManualTask",
            new TaskCompletion(task.taskId(), OPERATOR, "invited in the Mailjet UI"));
    out.println(OPERATOR + " did it by hand and completed the task.");
    out.println("Waiting for the sandboxes to accept the invitations...");
    OnboardResult adaResult = result(client, adaId);
    OnboardResult graceResult = result(client, graceId);
    PrintWriter table = new PrintWriter(out, true);
    out.println();
    StatusTable.print(table, adaId, adaResult.status());
    out.println();
    StatusTable.print(table, graceId, graceResult.status());
    out.println();
    verify(stack.sandboxes(), adaResult, graceResult);
    new DemoOffboarding(out, checks)
        .run(
            client,
            new OffboardStarter(client, stack.subjects().hasher(), ConfiguredAccounts.of(config)),
            stack.sandboxes(),
            "ada.lovelace@example.com");
    new DemoServiceNow(out, checks).run(stack);
  }

  /** Prints the verdict: true when every expected end state held. */
  public boolean passed() {
    if (checks.failures().isEmpty()) {
      out.println("Demo passed: every expected end state holds in the sandboxes.");
      return true;
    }
    checks.failures().forEach(f -> out.println("FAILED: " + f));
    return false;
  }

  private static final Map<String, String> SOURCE = Map.of("SOURCE", "roster-demo");

  private static OnboardRequest request(
      String email, String first, String last, Assignment... assignments) {
    return new OnboardRequest(
        new Person(email, first, last), List.of(assignments), null, REQUESTER);
  }

  /** Waits (briefly, in real time) until the workflow shows its open manual task. */
  private static ManualTask awaitOpenTask(WorkflowClient client, String workflowId)
      throws TimeoutException {
    OnboardUserWorkflow stub = client.newWorkflowStub(OnboardUserWorkflow.class, workflowId);
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ManualTask task : stub.status().manualTasks()) {
        if (task.open()) {
          return task;
        }
      }
      try {
        Thread.sleep(200); // a person's pace; the workflow does not depend on it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TimeoutException("interrupted");
      }
    }
    throw new TimeoutException("no manual task opened in " + workflowId);
  }

  private static OnboardResult result(WorkflowClient client, String id) throws TimeoutException {
    return client
        .newUntypedWorkflowStub(id)
        .getResult(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS, OnboardResult.class);
  }

  private void verify(Sandboxes sandboxes, OnboardResult ada, OnboardResult grace) {
    String adaEmail = "ada.lovelace@example.com";
    String graceEmail = "grace.hopper@example.com";
    FakeBrevo brevo = sandboxes.fake(BREVO, FakeBrevo.class);
    FakeMailjet mailjet = sandboxes.fake(MAILJET, FakeMailjet.class);
    FakeMailerSend mailerSend = sandboxes.fake(MAILERSEND, FakeMailerSend.class);
    FakeListmonk listmonk = sandboxes.fake(LISTMONK, FakeListmonk.class);
    checks.check(
        "Ada's onboarding completed on all four vendors", "COMPLETED".equals(ada.outcome()));
    checks.check("Grace's onboarding completed", "COMPLETED".equals(grace.outcome()));
    checks.check(
        "the requester's own approval was refused",
        grace.status().approval().refused().stream().anyMatch(r -> r.contains(REQUESTER)));
    checks.check(
        "Grace was approved by " + APPROVER,
        grace.status().approval().decision() != null
            && APPROVER.equals(grace.status().approval().decision().by()));
    Member adaMember = brevo.member(adaEmail).orElse(null);
    Member graceMember = brevo.member(graceEmail).orElse(null);
    checks.check("Brevo: Ada is an active member", adaMember != null && adaMember.isActive());
    checks.check(
        "Brevo: Ada has no admin access", adaMember != null && !adaMember.allFeaturesAccess());
    checks.check("Brevo: Grace is an active member", graceMember != null && graceMember.isActive());
    checks.check(
        "Brevo: Grace has full access", graceMember != null && graceMember.allFeaturesAccess());
    checks.check(
        "Brevo: Ada's contact has her first name",
        brevo
            .contact(adaEmail)
            .map(c -> "Ada".equals(c.attributes().get("FIRSTNAME")))
            .orElse(false));
    checks.check(
        "Brevo: list 2 holds Ada and Grace, list 7 Grace only",
        brevo.listMemberEmails(2).containsAll(List.of(adaEmail, graceEmail))
            && brevo.listMemberEmails(7).contains(graceEmail)
            && !brevo.listMemberEmails(7).contains(adaEmail));
    checks.check(
        "Mailjet: Ada's contact is on list 10",
        mailjet.contact(adaEmail).isPresent() && mailjet.listMemberEmails(10).contains(adaEmail));
    checks.check(
        "Mailjet: the team invitation was a manual task completed by " + OPERATOR,
        ada.status().manualTasks().stream()
            .anyMatch(t -> t.account().equals(MAILJET) && OPERATOR.equals(t.completedBy())));
    checks.check(
        "MailerSend: Ada accepted and is a user, no invitation left",
        mailerSend.user(adaEmail).isPresent() && mailerSend.invite(adaEmail).isEmpty());
    checks.check(
        "listmonk: Ada and Grace are enabled users",
        listmonk.user(adaEmail).map(u -> u.isEnabled()).orElse(false)
            && listmonk.user(graceEmail).map(u -> u.isEnabled()).orElse(false));
    checks.check(
        "listmonk: list 3 holds Ada and Grace, list 4 Grace only",
        listmonk.listMemberEmails(3).containsAll(List.of(adaEmail, graceEmail))
            && listmonk.listMemberEmails(4).contains(graceEmail)
            && !listmonk.listMemberEmails(4).contains(adaEmail));
  }
}
