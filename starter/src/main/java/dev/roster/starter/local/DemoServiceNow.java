package dev.roster.starter.local;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.sandbox.servicenow.WebhookSigner;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.request.RequestResult;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's third act: ServiceNow tickets drive Roster. A sandbox instance fires the signed
 * webhook its business rule would, an approver decides in ServiceNow, and each ticket ends closed
 * complete with Roster's work notes.
 */
final class DemoServiceNow {
  private static final String PERSON = "katherine.johnson@example.com";

  private final PrintStream out;
  private final DemoChecks checks;

  DemoServiceNow(PrintStream out, DemoChecks checks) {
    this.out = out;
    this.checks = checks;
  }

  void run(LocalStack stack) throws IOException, InterruptedException, TimeoutException {
    FakeServiceNow servicenow = stack.sandboxes().servicenow();
    WorkflowClient client = stack.connection().client();
    URI webhook = URI.create("http://127.0.0.1:" + stack.httpPort() + "/webhooks/servicenow");
    WebhookSigner signer = WebhookSigner.hmac(stack.webhookKey().reveal());
    out.println();
    out.println("ServiceNow (sandbox instance " + servicenow.baseUrl() + "):");

    String onboard =
        servicenow.createRitm(
            "RITM0010001",
            Map.of(
                "email",
                PERSON,
                "first_name",
                "Katherine",
                "vendor_accounts",
                Demo.BREVO + "," + Demo.LISTMONK,
                "role",
                "viewer",
                "lists",
                Demo.BREVO + ":2," + Demo.LISTMONK + ":3"),
            Demo.REQUESTER);
    fire(servicenow, webhook, signer, "onboard", onboard);
    OnboardResult onboarded = result(client, "onboard-RITM0010001", OnboardResult.class);
    closed(client, servicenow, "RITM0010001", onboard, onboarded);

    String offboard =
        servicenow.createRitm(
            "RITM0010002",
            Map.of(
                "email",
                PERSON,
                "vendor_accounts",
                Demo.BREVO + "," + Demo.LISTMONK,
                "erase_data",
                "true"),
            Demo.REQUESTER);
    fire(servicenow, webhook, signer, "offboard", offboard);
    servicenow.approve(offboard, Demo.APPROVER);
    fire(servicenow, webhook, signer, "approval", offboard);
    out.println("  " + Demo.APPROVER + " approved the erasure in ServiceNow.");
    OffboardResult offboarded = result(client, "offboard-RITM0010002", OffboardResult.class);
    closed(client, servicenow, "RITM0010002", offboard, offboarded);
    checks.check(
        "ServiceNow: Katherine is gone from Brevo and listmonk after her offboarding ticket",
        stack.sandboxes().fake(Demo.BREVO, FakeBrevo.class).contact(PERSON).isEmpty()
            && stack
                .sandboxes()
                .fake(Demo.LISTMONK, FakeListmonk.class)
                .subscriber(PERSON)
                .isEmpty());
  }

  private void fire(
      FakeServiceNow servicenow, URI webhook, WebhookSigner signer, String event, String ritm)
      throws IOException, InterruptedException {
    int status = servicenow.fireWebhook(webhook, event, "sc_req_item", ritm, signer).status();
    out.println("  business rule sent a signed '" + event + "' event: HTTP " + status);
  }

  private static <T extends RequestResult> T result(
      WorkflowClient client, String workflowId, Class<T> type) throws TimeoutException {
    return client
        .newUntypedWorkflowStub(workflowId)
        .getResult(Demo.TIME_LIMIT.toSeconds(), TimeUnit.SECONDS, type);
  }

  private void closed(
      WorkflowClient client,
      FakeServiceNow servicenow,
      String number,
      String sysId,
      RequestResult result)
      throws TimeoutException {
    // The ticket writer works on its own; its run ends once it closed the ticket.
    client
        .newUntypedWorkflowStub("ticket-" + number)
        .getResult(Demo.TIME_LIMIT.toSeconds(), TimeUnit.SECONDS, Void.class);
    Map<String, String> ticket = servicenow.record("sc_req_item", sysId).orElseThrow();
    out.println(
        "  "
            + number
            + ": "
            + result.outcome()
            + "; ticket state "
            + ticket.get("state")
            + ", "
            + servicenow.workNotes("sc_req_item", sysId).size()
            + " work notes");
    checks.check(
        "ServiceNow: " + number + " is closed complete with Roster's work notes",
        "COMPLETED".equals(result.outcome())
            && "3".equals(ticket.get("state"))
            && servicenow.workNotes("sc_req_item", sysId).size() >= 2);
  }
}
