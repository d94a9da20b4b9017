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
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.request.Person;
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
import java.util.List;
import java.util.Map;
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
            new LocalStack.Options(freePort(), 0, Duration.ofSeconds(1)),
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
      OnboardResult result =
          stack.connection().client().newUntypedWorkflowStub(id).getResult(OnboardResult.class);
      assertThat(result.outcome()).isEqualTo("COMPLETED");

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

  /** Scrapes until {@code series} appears: the SDK hands its counts over every second. */
  private String scrapeUntil(String base, String series) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      HttpResponse<String> response = get(base + OpsRoutes.METRICS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      if (response.body().contains(series) || Instant.now().isAfter(deadline)) {
        return response.body();
      }
      Thread.onSpinWait();
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
