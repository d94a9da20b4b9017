package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import dev.roster.starter.RequestConflict;
import dev.roster.starter.RunningRequests;
import dev.roster.starter.Started;
import dev.roster.starter.servicenow.TicketRequests;
import dev.roster.starter.servicenow.WebhookAuthenticator;
import dev.roster.starter.servicenow.WebhookEvent;
import dev.roster.starter.servicenow.WebhookEventParser;
import dev.roster.starter.servicenow.WebhookRejection;
import dev.roster.workflows.approval.Decision;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/servicenow}: a ticket asks to onboard or offboard someone or to import the
 * CSV attached to it, or decides an approval. Exact path only (404), JSON only (415), authenticated
 * (HMAC over timestamp and body, or Basic: 401), size-limited (413) and time-limited (408) by the
 * HTTP service, strictly parsed (400 naming the field); answers 202 with the workflow id. A
 * duplicate delivery attaches to the same workflow ({@code <operation>-<number>}); a ticket whose
 * request runs with other inputs is refused with 409 and the running id. Temporal out of reach
 * answers 503 with a reason and a Retry-After, never a dropped connection.
 */
public final class ServiceNowWebhook implements Route {
  public static final String PATH = "/webhooks/servicenow";

  /** Seconds a 503 asks the sender to wait before it tries again. */
  static final int RETRY_AFTER_SECONDS = 30;

  private static final Logger log = LoggerFactory.getLogger(ServiceNowWebhook.class);
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

  @Override
  public int maxBody() {
    return maxBody;
  }

  /** Answers the delivery and counts its outcome ({@link WebhookMetrics}), both here only. */
  @Override
  public void handle(Exchange exchange) {
    Answer answer = answer(exchange);
    WebhookMetrics.delivery(answer.result());
    if (answer.status() == 503) {
      exchange.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    JsonReplies.json(exchange, answer.status(), answer.body());
  }

  /** What to answer: the status, the JSON body and the outcome's metric label. */
  private record Answer(int status, Object body, String result) {
    static Answer refusal(int status, String result, List<String> errors) {
      return new Answer(status, Map.of("errors", errors), result);
    }
  }

  private Answer answer(Exchange exchange) {
    Optional<WebhookRequestCheck.Refusal> refused =
        WebhookRequestCheck.check(
            exchange.method(),
            PATH,
            exchange.rawPath(),
            exchange.rawQuery(),
            exchange.headers("Content-Type"));
    if (refused.isPresent()) {
      WebhookRequestCheck.Refusal refusal = refused.get();
      return Answer.refusal(refusal.status(), refusal.result(), List.of(refusal.error()));
    }
    try {
      byte[] body = exchange.body();
      authenticator.authenticate(exchange::header, body);
      WebhookEvent event = parser.parse(body);
      return accept(event);
    } catch (WebhookRejection e) {
      log.warn("webhook refused kind={} errors={}", e.kind(), e.errors());
      return Answer.refusal(e.httpStatus(), e.kind().name().toLowerCase(Locale.ROOT), e.errors());
    } catch (IllegalArgumentException e) {
      return Answer.refusal(400, "invalid", List.of(e.getMessage()));
    } catch (UnknownRequest e) {
      return Answer.refusal(404, "unknown_request", List.of(e.getMessage()));
    } catch (RequestConflict e) {
      log.warn("webhook refused: differs from the running request workflowId={}", e.workflowId());
      return new Answer(
          409,
          Map.of(
              "errors",
              List.of(e.getMessage()),
              "workflowId",
              e.workflowId(),
              "differences",
              e.differences()),
          "conflict");
    } catch (RunningRequests.Unanswered e) {
      return unavailable(e.getMessage());
    } catch (RuntimeException e) {
      if (!TemporalDown.is(e)) {
        log.error("webhook failed", e);
        return Answer.refusal(500, "error", List.of("internal error; nothing was started"));
      }
      log.warn("webhook refused: Temporal unavailable reason={}", TemporalDown.describe(e));
      return unavailable(
          "temporal: cannot reach Temporal ("
              + TemporalDown.describe(e)
              + "); nothing was started or signalled, send the event again later");
    }
  }

  /** 503 with a JSON reason (and a Retry-After, which the business rule's retry honours). */
  private static Answer unavailable(String error) {
    return Answer.refusal(503, "temporal_unavailable", List.of(error));
  }

  private Answer accept(WebhookEvent event) {
    Map<String, Object> answer = new LinkedHashMap<>();
    String result;
    switch (event.event()) {
      case APPROVAL -> {
        String id = decide(event);
        answer.put("workflowId", id);
        answer.put("signal", event.approval().approved() ? "approve" : "reject");
        result = "signalled";
      }
      case ONBOARD, OFFBOARD, CHANGE, BULK_IMPORT -> {
        Started started =
            requests.start(
                event.event(),
                event.table(),
                event.sysId(),
                event.number(),
                event.variables(),
                event.requestedBy());
        answer.put("workflowId", started.workflowId());
        answer.put("started", started.how().name().toLowerCase(Locale.ROOT));
        result = result(started.how());
        preApprove(event, started.workflowId());
      }
      default -> throw new IllegalStateException("no answer for event " + event.event());
    }
    log.info(
        "webhook accepted event={} ticket={} workflowId={}",
        event.event().wire(),
        event.number(),
        answer.get("workflowId"));
    return new Answer(202, answer, result);
  }

  /** A redelivery (attached, or its request already ran) is a duplicate; the rest is accepted. */
  private static String result(Started.How how) {
    return switch (how) {
      case ATTACHED, ALREADY_RAN -> "duplicate";
      case AMENDED -> "amended";
      case STARTED, SUBMITTED -> "accepted";
    };
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

  /** No running request matches an approval event. */
  private static final class UnknownRequest extends RuntimeException {
    UnknownRequest(String message) {
      super(message, null, false, false);
    }
  }
}
