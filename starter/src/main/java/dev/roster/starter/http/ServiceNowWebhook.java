package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.roster.starter.servicenow.TicketRequests;
import dev.roster.starter.servicenow.WebhookAuthenticator;
import dev.roster.starter.servicenow.WebhookBodies;
import dev.roster.starter.servicenow.WebhookEvent;
import dev.roster.starter.servicenow.WebhookEventParser;
import dev.roster.starter.servicenow.WebhookRejection;
import dev.roster.workflows.common.Decision;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/servicenow}: a ticket asks to onboard or offboard someone or to import the
 * CSV attached to it, or decides an approval. Authenticated (HMAC over timestamp and body, or
 * Basic), size-limited, strictly parsed; answers 202 with the workflow id. Duplicate deliveries
 * attach to the same workflow ({@code <operation>-<number>}, USE_EXISTING).
 */
public final class ServiceNowWebhook {
  public static final String PATH = "/webhooks/servicenow";
  private static final Logger log = LoggerFactory.getLogger(ServiceNowWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OPERATIONS = List.of("onboard", "offboard", "import");

  private final WebhookAuthenticator authenticator;
  private final WebhookEventParser parser;
  private final TicketRequests requests;
  private final WorkflowClient client;
  private final boolean preApproved;
  private final int maxBody;

  public ServiceNowWebhook(
      WebhookAuthenticator authenticator,
      TicketRequests requests,
      WorkflowClient client,
      boolean preApproved,
      int maxBody) {
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.parser = new WebhookEventParser(maxBody);
    this.requests = requireNonNull(requests, "requests is null");
    this.client = requireNonNull(client, "client is null");
    this.preApproved = preApproved;
    this.maxBody = maxBody;
  }

  void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      reply(exchange, 405, Map.of("error", "use POST"));
      return;
    }
    try {
      long declared =
          exchange.getRequestHeaders().getFirst("Content-Length") == null
              ? -1
              : Long.parseLong(exchange.getRequestHeaders().getFirst("Content-Length"));
      byte[] body = WebhookBodies.read(exchange.getRequestBody(), declared, maxBody);
      authenticator.authenticate(name -> exchange.getRequestHeaders().getFirst(name), body);
      WebhookEvent event = parser.parse(body);
      reply(exchange, 202, accept(event));
    } catch (WebhookRejection e) {
      log.warn("webhook refused kind={} errors={}", e.kind(), e.errors());
      reply(exchange, e.httpStatus(), Map.of("errors", e.errors()));
    } catch (NumberFormatException e) {
      reply(exchange, 400, Map.of("errors", List.of("Content-Length: not a number")));
    } catch (IllegalArgumentException e) {
      reply(exchange, 400, Map.of("errors", List.of(e.getMessage())));
    } catch (UnknownRequest e) {
      reply(exchange, 404, Map.of("errors", List.of(e.getMessage())));
    }
  }

  private Map<String, Object> accept(WebhookEvent event) {
    Map<String, Object> answer = new LinkedHashMap<>();
    switch (event.event()) {
      case APPROVAL -> {
        String id = decide(event);
        answer.put("workflowId", id);
        answer.put("signal", event.approval().approved() ? "approve" : "reject");
      }
      case ONBOARD, OFFBOARD, BULK_IMPORT -> {
        String id =
            requests.start(
                event.event(),
                event.table(),
                event.sysId(),
                event.number(),
                event.variables(),
                event.requestedBy());
        answer.put("workflowId", id);
        preApprove(event, id);
      }
    }
    log.info(
        "webhook accepted event={} ticket={} workflowId={}",
        event.event().wire(),
        event.number(),
        answer.get("workflowId"));
    return answer;
  }

  /** A ticket already approved in ServiceNow starts approved, when policy allows. */
  private void preApprove(WebhookEvent event, String workflowId) {
    if (preApproved && event.approval() != null && event.approval().approved()) {
      signal(workflowId, "approve", event);
    }
  }

  /** Signals the running request of the ticket with the approver's decision. */
  private String decide(WebhookEvent event) {
    String signal = event.approval().approved() ? "approve" : "reject";
    for (String operation : OPERATIONS) {
      String id = operation + "-" + event.number();
      if (signal(id, signal, event)) {
        return id;
      }
    }
    throw new UnknownRequest("no running request for ticket " + event.number());
  }

  private boolean signal(String workflowId, String signal, WebhookEvent event) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    try {
      stub.signal(
          signal,
          new Decision(event.approval().approver(), event.approval().comments(), "servicenow"));
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** No running request matches an approval event. */
  private static final class UnknownRequest extends RuntimeException {
    UnknownRequest(String message) {
      super(message, null, false, false);
    }
  }
}
