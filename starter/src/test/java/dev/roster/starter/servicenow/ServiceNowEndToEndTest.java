package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.sandbox.servicenow.WebhookFirer.WebhookDelivery;
import dev.roster.sandbox.servicenow.WebhookSigner;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.onboard.OnboardResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ServiceNow ticket drives Roster on the embedded server in real time: a signed webhook starts
 * the onboarding, the approval arrives as a ServiceNow event, and the ticket ends closed complete
 * with a work note per milestone; a bulk-import ticket's attached CSV lands in a vendor list.
 */
class ServiceNowEndToEndTest {
  private static final String CONFIG =
      String.join(
          "\n",
          "accounts:",
          "  brevo-e2e:",
          "    type: brevo",
          "    sandbox: true",
          "    rateBudgets: {organization: {requests: 100, per: 1m}}",
          "    invitations: {pollInterval: 1s, resendAfter: 1d, expireAfter: 2d}",
          "  listmonk-e2e:",
          "    type: listmonk",
          "    sandbox: true",
          "    baseUrl: http://127.0.0.1:9",
          "  mailjet-e2e:",
          "    type: mailjet",
          "    sandbox: true",
          "servicenow:",
          "  sandbox: true",
          "  manualTasksAsTickets: true",
          "  pollInterval: 1s",
          "approvals: {privilegedRoles: [admin], timeout: 1h, remindEvery: 10m}",
          "");

  @TempDir Path store;
  private LocalStack stack;
  private FakeServiceNow servicenow;
  private WorkflowClient client;
  private URI webhook;
  private WebhookSigner signer;

  @BeforeEach
  void start() throws IOException {
    RosterConfig config =
        ConfigLoader.parse(CONFIG + "imports: {store: " + store + "}\n", "e2e", Map.of());
    stack =
        LocalStack.start(
            config,
            Map.of(),
            new LocalStack.Options(freePort(), 0, Duration.ofSeconds(1)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    servicenow = stack.sandboxes().servicenow();
    client = stack.connection().client();
    webhook = URI.create("http://127.0.0.1:" + stack.httpPort() + "/webhooks/servicenow");
    signer = WebhookSigner.hmac(stack.webhookKey().reveal());
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private String ritm(String number, String accounts) {
    return servicenow.createRitm(
        number,
        Map.of(
            "email", "ada@example.com",
            "first_name", "Ada",
            "vendor_accounts", accounts,
            "role", "admin",
            "lists", "brevo-e2e:2,listmonk-e2e:3"),
        "carol");
  }

  @Test
  @Timeout(120)
  void signedWebhookOnboardsApprovalComesFromServiceNowAndTicketCloses() throws Exception {
    String ritm = ritm("RITM0010001", "brevo-e2e,listmonk-e2e");

    // The business rule may deliver the same event more than once: one workflow.
    for (int i = 0; i < 3; i++) {
      WebhookDelivery delivery =
          servicenow.fireWebhook(webhook, "onboard", "sc_req_item", ritm, signer);
      assertThat(delivery.status()).isEqualTo(202);
      assertThat(delivery.body()).contains("onboard-RITM0010001");
    }
    servicenow.approve(ritm, "bob");
    WebhookDelivery decided =
        servicenow.fireWebhook(webhook, "approval", "sc_req_item", ritm, signer);
    assertThat(decided.status()).isEqualTo(202);

    OnboardResult result =
        client
            .newUntypedWorkflowStub("onboard-RITM0010001")
            .getResult(90, TimeUnit.SECONDS, OnboardResult.class);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(result.status().approval().decision().by()).isEqualTo("bob");
    assertThat(result.status().approval().decision().source()).isEqualTo("servicenow");

    // Ticket updates run on their own; wait for them to finish.
    client.newUntypedWorkflowStub("ticket-RITM0010001").getResult(60, TimeUnit.SECONDS, Void.class);
    Map<String, String> ticket = servicenow.record("sc_req_item", ritm).orElseThrow();
    assertThat(ticket.get("state")).isEqualTo("3");
    assertThat(String.join("\n", servicenow.workNotes("sc_req_item", ritm)))
        .contains("Onboarding s-")
        .contains("Waiting for an approval")
        .contains("waiting for it to be accepted")
        .contains("brevo-e2e done");
  }

  @Test
  @Timeout(120)
  void serviceNowThrottlingAndErrorsDelayNotesButNeverFailTheOnboarding() throws Exception {
    String ritm = ritm("RITM0010004", "brevo-e2e,listmonk-e2e");
    // The write-back meets a 429 (with Retry-After) and a 500 before ServiceNow recovers.
    servicenow.faults().failNext(1, 429, Map.of("Retry-After", "1"), "{\"error\":{}}");
    servicenow.faults().failNext(1, 500, Map.of(), "{\"error\":{}}");
    assertThat(servicenow.fireWebhook(webhook, "onboard", "sc_req_item", ritm, signer).status())
        .isEqualTo(202);
    servicenow.approve(ritm, "bob");
    servicenow.fireWebhook(webhook, "approval", "sc_req_item", ritm, signer);

    OnboardResult result =
        client
            .newUntypedWorkflowStub("onboard-RITM0010004")
            .getResult(90, TimeUnit.SECONDS, OnboardResult.class);
    assertThat(result.outcome()).isEqualTo("COMPLETED");

    client.newUntypedWorkflowStub("ticket-RITM0010004").getResult(90, TimeUnit.SECONDS, Void.class);
    assertThat(servicenow.record("sc_req_item", ritm).orElseThrow().get("state")).isEqualTo("3");
    assertThat(servicenow.faults().pending()).isZero();
  }

  @Test
  @Timeout(120)
  void manualTaskBecomesAServiceNowTaskAndClosingItCompletesIt() throws Exception {
    String ritm =
        servicenow.createRitm(
            "RITM0010005",
            Map.of("email", "ada@example.com", "vendor_accounts", "mailjet-e2e", "role", "viewer"),
            "carol");
    assertThat(servicenow.fireWebhook(webhook, "onboard", "sc_req_item", ritm, signer).status())
        .isEqualTo(202);

    // The manual task (Mailjet has no team API) appears as an sc_task on the ticket.
    String task = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (task == null) {
      assertThat(System.nanoTime()).as("an sc_task within 60 s").isLessThan(deadline);
      task =
          servicenow.records("sc_task").stream()
              .filter(t -> ritm.equals(t.get("request_item")))
              .map(t -> t.get("sys_id"))
              .findFirst()
              .orElse(null);
      if (task == null) {
        Thread.sleep(100); // the ticket writer works at its own pace
      }
    }
    servicenow.closeTask(task);

    OnboardResult result =
        client
            .newUntypedWorkflowStub("onboard-RITM0010005")
            .getResult(60, TimeUnit.SECONDS, OnboardResult.class);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(result.status().manualTasks())
        .singleElement()
        .satisfies(t -> assertThat(t.completedBy()).startsWith("servicenow:"));
  }

  @Test
  @Timeout(120)
  void bulkImportWebhookImportsTheTicketsAttachedCsvOnceWhateverTheDeliveries() throws Exception {
    FakeListmonk listmonk = stack.sandboxes().fake("listmonk-e2e", FakeListmonk.class);
    long list = listmonk.createList("From RITM0010006");
    String ritm =
        servicenow.createRitm(
            "RITM0010006",
            Map.of("vendor_accounts", "listmonk-e2e", "lists", Long.toString(list)),
            "carol");
    byte[] csv =
        "email,first_name\nada@example.com,Ada\nnot-an-email,Bad\ngrace@example.com,Grace\n"
            .getBytes(StandardCharsets.UTF_8);
    servicenow.attachToVariable(ritm, "import_file", "people.csv", "text/csv", csv);
    String id = "import-RITM0010006";

    WebhookDelivery first =
        servicenow.fireWebhook(webhook, "bulk_import", "sc_req_item", ritm, signer);
    String run = client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    WebhookDelivery again =
        servicenow.fireWebhook(webhook, "bulk_import", "sc_req_item", ritm, signer);
    BulkImportResult result =
        client.newUntypedWorkflowStub(id).getResult(90, TimeUnit.SECONDS, BulkImportResult.class);
    int callsWhenDone = listmonk.totalCalls();
    WebhookDelivery late =
        servicenow.fireWebhook(webhook, "bulk_import", "sc_req_item", ritm, signer);

    for (WebhookDelivery delivery : List.of(first, again, late)) {
      assertThat(delivery.status()).isEqualTo(202);
      assertThat(delivery.body()).contains(id);
    }
    assertThat(client.newUntypedWorkflowStub(id).describe().getExecution().getRunId())
        .isEqualTo(run);
    assertThat(listmonk.totalCalls()).isEqualTo(callsWhenDone);
    assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
    assertThat(result.status().ticket()).isEqualTo("RITM0010006");
    assertThat(result.status().requestedBy()).isEqualTo("carol");
    assertThat(listmonk.listMemberEmails(list))
        .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
    assertThat(Files.readString(Path.of(result.failureReport()))).contains("not-an-email");
    // The result is written back: the ticket ends closed complete with the import's notes.
    client.newUntypedWorkflowStub("ticket-RITM0010006").getResult(60, TimeUnit.SECONDS, Void.class);
    assertThat(servicenow.record("sc_req_item", ritm).orElseThrow().get("state")).isEqualTo("3");
    assertThat(String.join("\n", servicenow.workNotes("sc_req_item", ritm)))
        .contains("Bulk import into listmonk-e2e: 3 rows read, 2 valid, 1 invalid.")
        .contains("Bulk import completed: 3 rows read, 2 valid, 1 invalid")
        .doesNotContain("ada@example.com");
  }

  @Test
  @Timeout(60)
  void bulkImportWithoutAnAttachmentIsRefusedNamingTheVariable() throws Exception {
    String ritm =
        servicenow.createRitm("RITM0010007", Map.of("vendor_accounts", "listmonk-e2e"), "carol");

    WebhookDelivery delivery =
        servicenow.fireWebhook(webhook, "bulk_import", "sc_req_item", ritm, signer);

    assertThat(delivery.status()).isEqualTo(400);
    assertThat(delivery.body()).contains("variables.import_file: required");
    assertThatThrownBy(() -> client.newUntypedWorkflowStub("import-RITM0010007").describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  @Timeout(60)
  void badDeliveriesAreRefusedAndStartNothing() throws Exception {
    String ritm = ritm("RITM0010002", "brevo-e2e");
    String unknown = ritm("RITM0010003", "brevo-e2e,nosuch-x");
    byte[] body = servicenow.webhookBody("onboard", "sc_req_item", ritm);

    assertThat(
            servicenow
                .fireWebhook(
                    webhook, "onboard", "sc_req_item", ritm, WebhookSigner.hmac(otherKey()))
                .status())
        .isEqualTo(401);
    assertThat(
            post(body, Map.of("X-Roster-Timestamp", "1000000000", "X-Roster-Signature", "v1=AAAA")))
        .isEqualTo(401);
    assertThat(post("not json".getBytes(StandardCharsets.UTF_8), Map.of())).isIn(400, 401);
    assertThat(post(new byte[200_000], Map.of())).isEqualTo(413);
    // Correctly signed, but the number is missing: the schema refuses it.
    byte[] noNumber =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"number\":\"RITM0010002\",", "")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(noNumber).isNotEqualTo(body);
    assertThat(post(noNumber, signer.headers(noNumber, java.time.Instant.now()))).isEqualTo(400);
    assertThat(servicenow.fireWebhook(webhook, "onboard", "sc_req_item", unknown, signer).status())
        .isEqualTo(400);

    for (String id : new String[] {"onboard-RITM0010002", "onboard-RITM0010003"}) {
      assertThatThrownBy(() -> client.newUntypedWorkflowStub(id).describe())
          .isInstanceOf(WorkflowNotFoundException.class);
    }
  }

  private int post(byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String otherKey() {
    return java.util.Base64.getEncoder().encodeToString(new byte[32]);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
