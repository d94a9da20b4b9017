package dev.roster.starter.local;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.brevo.Member;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.cli.StatusTable;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.common.Decision;
import dev.roster.workflows.common.Person;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code roster demo}: onboards two people on a sandbox Brevo (one plain, one privileged that a
 * second person approves after the requester's own approval is refused), lets the sandbox accept
 * the invitations, prints each step, and checks the end state in the sandbox.
 */
public final class Demo {
  static final String ACCOUNT = "brevo-demo";
  static final String REQUESTER = "demo-requester";
  static final String APPROVER = "demo-approver";
  static final Duration ACCEPT_AFTER = Duration.ofSeconds(2);
  static final Duration TIME_LIMIT = Duration.ofMinutes(2);

  private final PrintStream out;
  private final List<String> failures = new ArrayList<>();

  public Demo(PrintStream out) {
    this.out = out;
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
  public boolean run(Map<String, String> env, Integer temporalPort) throws TimeoutException {
    RosterConfig config = config(env);
    try (LocalStack stack =
        LocalStack.start(config, env, new LocalStack.Options(temporalPort, 0, ACCEPT_AFTER), out)) {
      WorkflowClient client = stack.connection().client();
      OnboardStarter starter =
          new OnboardStarter(client, SubjectKeys.orDev(config, env), config.accounts().keySet());
      OnboardRequest ada = request("ada.lovelace@example.com", "Ada", "Lovelace", "viewer", "2");
      OnboardRequest grace =
          request("grace.hopper@example.com", "Grace", "Hopper", "admin", "2", "7");
      String adaId = starter.start(ada);
      String graceId = starter.start(grace);
      out.println();
      out.println("Started " + adaId + " (viewer) and " + graceId + " (admin, needs approval).");
      var graceStub = client.newUntypedWorkflowStub(graceId);
      graceStub.signal("approve", new Decision(REQUESTER, "approving my own request", "demo"));
      graceStub.signal("approve", new Decision(APPROVER, "admin for the platform team", "demo"));
      out.println(REQUESTER + " tried to approve (refused), then " + APPROVER + " approved.");
      out.println("Waiting for the sandbox to accept the invitations...");
      OnboardResult adaResult = result(client, adaId);
      OnboardResult graceResult = result(client, graceId);
      PrintWriter table = new PrintWriter(out, true);
      out.println();
      StatusTable.print(table, adaId, adaResult.status());
      out.println();
      StatusTable.print(table, graceId, graceResult.status());
      out.println();
      verify(stack.sandboxes().brevo(ACCOUNT), adaResult, graceResult);
    }
    if (failures.isEmpty()) {
      out.println("Demo passed: every expected end state holds in the sandbox.");
      return true;
    }
    failures.forEach(f -> out.println("FAILED: " + f));
    return false;
  }

  private static OnboardRequest request(
      String email, String first, String last, String role, String... lists) {
    return new OnboardRequest(
        new Person(email, first, last),
        List.of(new Assignment(ACCOUNT, role, List.of(lists), Map.of("SOURCE", "roster-demo"))),
        null,
        REQUESTER);
  }

  private static OnboardResult result(WorkflowClient client, String id) throws TimeoutException {
    return client
        .newUntypedWorkflowStub(id)
        .getResult(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS, OnboardResult.class);
  }

  private void verify(FakeBrevo brevo, OnboardResult ada, OnboardResult grace) {
    check("Ada's onboarding completed", "COMPLETED".equals(ada.outcome()));
    check("Grace's onboarding completed", "COMPLETED".equals(grace.outcome()));
    check(
        "the requester's own approval was refused",
        grace.status().approval().refused().stream().anyMatch(r -> r.contains(REQUESTER)));
    check(
        "Grace was approved by " + APPROVER,
        grace.status().approval().decision() != null
            && APPROVER.equals(grace.status().approval().decision().by()));
    Member adaMember = brevo.member("ada.lovelace@example.com").orElse(null);
    Member graceMember = brevo.member("grace.hopper@example.com").orElse(null);
    check("Ada is an active Brevo member", adaMember != null && adaMember.isActive());
    check("Ada has no admin access", adaMember != null && !adaMember.allFeaturesAccess());
    check("Grace is an active Brevo member", graceMember != null && graceMember.isActive());
    check("Grace has full access", graceMember != null && graceMember.allFeaturesAccess());
    check(
        "Ada's contact exists with her first name",
        brevo
            .contact("ada.lovelace@example.com")
            .map(c -> "Ada".equals(c.attributes().get("FIRSTNAME")))
            .orElse(false));
    check(
        "list 2 holds Ada and Grace",
        brevo
            .listMemberEmails(2)
            .containsAll(List.of("ada.lovelace@example.com", "grace.hopper@example.com")));
    check(
        "list 7 holds Grace only",
        brevo.listMemberEmails(7).contains("grace.hopper@example.com")
            && !brevo.listMemberEmails(7).contains("ada.lovelace@example.com"));
  }

  private void check(String what, boolean holds) {
    out.println((holds ? "  ok    " : "  FAIL  ") + what);
    if (!holds) {
      failures.add(what);
    }
  }
}
