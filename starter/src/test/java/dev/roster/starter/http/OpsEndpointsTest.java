package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.deploy.Dashboard;
import dev.roster.starter.local.Demo;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one HTTP port of {@code dev}/{@code demo} after a sandbox onboarding whose first vendor call
 * drew a 429: {@code /metrics} has the Temporal SDK's series and Roster's vendor series with the
 * expected counts and no person or ticket in any label, and every series the Grafana dashboard
 * queries; {@code /livez} and {@code /readyz} answer.
 */
class OpsEndpointsTest {
  private static final String ADA = "ada.lovelace@example.com";
  private static final Pattern LABELS = Pattern.compile("\\{([^}]*)}");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Timeout(180)
  void metricsAfterAnOnboardingWithA429AndHealth() throws Exception {
    RosterConfig config = demoConfig();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (LocalStack stack =
        LocalStack.start(
            config,
            Map.of(),
            // Invitations stay pending until the test accepts them.
            new LocalStack.Options(freePort(), 0, null),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + stack.httpPort();
      assertThat(get(base + OpsRoutes.LIVEZ).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(base + OpsRoutes.READYZ);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"ready\"");

      stack
          .sandboxes()
          .fake("brevo-demo", FakeBrevo.class)
          .faults()
          .failNext(1, 429, Map.of("x-sib-ratelimit-reset", "1"), "");
      OnboardStarter starter =
          new OnboardStarter(
              stack.connection().client(),
              stack.subjects().hasher(),
              ConfiguredAccounts.of(config));
      String id =
          starter
              .start(
                  new OnboardRequest(
                      new Person(ADA, "Ada", "Lovelace"),
                      List.of(new Assignment("brevo-demo", "viewer", List.of(), null)),
                      "RITM0031337",
                      "carol"))
              .workflowId();
      // While the invitation waits for acceptance: one pending on its account, none elsewhere.
      OnboardUserWorkflow onboarding =
          stack.connection().client().newWorkflowStub(OnboardUserWorkflow.class, id);
      awaitStep(onboarding, "brevo-demo", "acceptance", StepState.WAITING);
      String pending = scrapeUntil(base, "roster_invitations_pending{account=\"brevo-demo\"} 1.0");
      assertThat(pending)
          .contains("roster_invitations_pending{account=\"brevo-demo\"} 1.0")
          .contains("roster_invitations_pending{account=\"mailersend-demo\"} 0.0")
          .contains("# HELP roster_invitations_pending Team invitations sent and not yet accepted");

      stack.sandboxes().fake("brevo-demo", FakeBrevo.class).acceptInvitation(ADA);
      OnboardResult result =
          stack.connection().client().newUntypedWorkflowStub(id).getResult(OnboardResult.class);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(scrapeUntil(base, "roster_invitations_pending{account=\"brevo-demo\"} 0.0"))
          .contains("roster_invitations_pending{account=\"brevo-demo\"} 0.0");

      String metrics = scrapeUntil(base, "temporal_workflow_completed");
      assertThat(metrics)
          .containsPattern(
              "roster_vendor_requests_seconds_count\\{account=\"brevo-demo\","
                  + "family=\"organization\",operation=\"[a-zA-Z]+\",outcome=\"429\"} 1\n")
          .containsPattern(
              "roster_vendor_throttled_total\\{account=\"brevo-demo\",family=\"organization\"}"
                  + " 1\\.0")
          .containsPattern(
              "roster_vendor_requests_seconds_bucket\\{account=\"brevo-demo\",.*outcome=\"2xx\","
                  + "le=\"0\\.25\"}")
          .contains("temporal_request_total")
          .contains("temporal_workflow_completed_total");
      Dashboard.assertEveryQueryFindsItsSeries(metrics);
      Matcher labels = LABELS.matcher(metrics);
      while (labels.find()) {
        assertThat(labels.group(1))
            .doesNotContain("@")
            .doesNotContain("ada")
            .doesNotContain("RITM")
            .doesNotContain(id);
      }
    }
  }

  @Test
  @Timeout(180)
  void approvalsAndManualTasksWaitingWhileTheyWaitAndNotAfter() throws Exception {
    RosterConfig config = demoConfig();
    try (LocalStack stack =
        LocalStack.start(
            config,
            Map.of(),
            new LocalStack.Options(freePort(), 0, null),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + stack.httpPort();
      String approvals = "roster_approvals_waiting{kind=\"onboard\"} ";
      String tasks = "roster_manual_tasks_waiting{account=\"mailjet-demo\"} ";
      assertThat(scrapeUntil(base, approvals + "0.0")).contains(approvals + "0.0");

      // admin is privileged (approval); Mailjet has no team API (a manual task).
      String id =
          new OnboardStarter(
                  stack.connection().client(),
                  stack.subjects().hasher(),
                  ConfiguredAccounts.of(config))
              .start(
                  new OnboardRequest(
                      new Person(ADA, "Ada", "Lovelace"),
                      List.of(
                          new Assignment("brevo-demo", "admin", List.of(), null),
                          new Assignment("mailjet-demo", "viewer", List.of(), null)),
                      "RITM0031338",
                      "carol"))
              .workflowId();
      OnboardUserWorkflow onboarding =
          stack.connection().client().newWorkflowStub(OnboardUserWorkflow.class, id);
      awaitStatus(
          onboarding,
          s -> "waiting".equals(s.approval().state()) && !s.manualTasks().isEmpty(),
          "approval and manual task waiting");
      String waiting = scrapeUntil(base, approvals + "1.0", tasks + "1.0");
      assertThat(waiting)
          .contains(approvals + "1.0", tasks + "1.0")
          .contains("roster_approvals_waiting{kind=\"offboard\"} 0.0")
          .contains("roster_manual_tasks_waiting{account=\"brevo-demo\"} 0.0");

      onboarding.approve(new Decision("dave", "ok", "test"));
      String task = onboarding.status().manualTasks().get(0).taskId();
      onboarding.completeManualTask(new TaskCompletion(task, "dave", "invited by hand"));
      awaitStatus(
          onboarding,
          s ->
              "approved".equals(s.approval().state())
                  && s.manualTasks().stream().noneMatch(ManualTask::open),
          "approval and manual task done");
      assertThat(scrapeUntil(base, approvals + "0.0", tasks + "0.0"))
          .contains(approvals + "0.0", tasks + "0.0");
      Matcher labels = LABELS.matcher(waiting);
      while (labels.find()) {
        assertThat(labels.group(1)).doesNotContain("@").doesNotContain("RITM").doesNotContain(id);
      }
      // Let the request end, so that no invitation check is in flight as the stack stops.
      awaitStep(onboarding, "brevo-demo", "acceptance", StepState.WAITING);
      stack.sandboxes().fake("brevo-demo", FakeBrevo.class).acceptInvitation(ADA);
      assertThat(
              stack
                  .connection()
                  .client()
                  .newUntypedWorkflowStub(id)
                  .getResult(OnboardResult.class)
                  .outcome())
          .isEqualTo("COMPLETED");
    }
  }

  private static void awaitStep(
      OnboardUserWorkflow onboarding, String account, String step, StepState state)
      throws InterruptedException {
    awaitStatus(
        onboarding,
        s ->
            s.accounts().stream()
                .filter(a -> a.account().equals(account))
                .flatMap(a -> a.steps().stream())
                .anyMatch(x -> x.name().equals(step) && x.state() == state),
        account + " " + step + " " + state);
  }

  /** Asks the workflow's status until {@code condition} holds, for up to 60 s. */
  private static void awaitStatus(
      OnboardUserWorkflow onboarding, Predicate<OnboardStatus> condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.test(onboarding.status())) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Scrapes until {@code series} appears: the SDK hands its counts over every second. */
  private String scrapeUntil(String base, String... series) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      HttpResponse<String> response = get(base + OpsRoutes.METRICS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      String body = response.body();
      if (Arrays.stream(series).allMatch(body::contains) || Instant.now().isAfter(deadline)) {
        return body;
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static RosterConfig demoConfig() throws IOException {
    try (InputStream in = Demo.class.getResourceAsStream("/dev/roster/starter/demo.yaml")) {
      return ConfigLoader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml", Map.of());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
