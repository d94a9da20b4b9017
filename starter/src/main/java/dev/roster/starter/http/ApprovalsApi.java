package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.starter.cli.Board;
import dev.roster.starter.cli.Refusals;
import dev.roster.worker.config.OidcConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.approval.DecisionOutcome;
import dev.roster.workflows.approval.DecisionUpdates;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.request.Emails;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvals API of {@code serve}, for a person signed in at the configured OpenID Connect
 * provider ({@link BearerAuth}): {@code GET /api/approvals} lists the requests waiting for an
 * approval that the caller may decide (from the request board, as {@code roster approvals} reads
 * it, filtered by the policy with the token's groups; masked), and {@code POST
 * /api/requests/{id}/approve|reject|cancel} sends that Update as the token's user. A person the
 * policy does not allow gets 403 before anything is sent; the workflow checks again and its refusal
 * is a 409 with its reason; an unknown or finished request is a 404.
 */
public final class ApprovalsApi {
  public static final String LIST = "/api/approvals";
  public static final String REQUESTS = "/api/requests/";
  static final String SOURCE = "api";
  private static final int MAX_COMMENT = 2000;
  private static final List<String> VERBS =
      List.of(DecisionUpdates.APPROVE, DecisionUpdates.REJECT, DecisionUpdates.CANCEL);
  private static final Logger log = LoggerFactory.getLogger(ApprovalsApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BearerAuth auth;
  private final WorkflowClient client;
  private final ApprovalPolicy policy;

  /**
   * @param auth checks the caller's bearer token
   * @param client the callers' Temporal client
   * @param policy the configured approval policy (the workflow checks its own snapshot too)
   */
  public ApprovalsApi(BearerAuth auth, WorkflowClient client, ApprovalPolicy policy) {
    this.auth = requireNonNull(auth, "auth is null");
    this.client = requireNonNull(client, "client is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  /**
   * The API for {@code config}'s {@code approvals.oidc} and policy, deciding through {@code
   * client}.
   */
  public static ApprovalsApi fromConfig(RosterConfig config, WorkflowClient client) {
    OidcConfig oidc =
        config
            .approvals()
            .oidc()
            .orElseThrow(() -> new IllegalArgumentException("approvals.oidc is not configured"));
    return new ApprovalsApi(
        new BearerAuth(new OidcVerifier(oidc)), client, config.approvals().policy());
  }

  /** {@code GET /api/approvals}. */
  public Route list() {
    return guarded(
        exchange -> {
          if (!exchange.rawPath().equals(LIST)) {
            JsonReplies.errors(exchange, 404, List.of("no such endpoint"));
            return;
          }
          Optional<OidcVerifier.Identity> who = caller("GET", exchange);
          if (who.isEmpty()) {
            return;
          }
          List<Map<String, Object>> listed =
              Board.items(client, BoardItem.APPROVAL).stream()
                  .filter(item -> !isRequester(who.get(), item))
                  .filter(item -> mayDecide(who.get(), item, false) == null)
                  .map(ApprovalsApi::describe)
                  .toList();
          JsonReplies.json(exchange, 200, Map.of("approvals", listed));
        });
  }

  /** {@code POST /api/requests/{id}/approve|reject|cancel}. */
  public Route decide() {
    return guarded(
        exchange -> {
          String[] parts = exchange.rawPath().substring(REQUESTS.length()).split("/", -1);
          if (parts.length != 2 || parts[0].isEmpty() || !VERBS.contains(parts[1])) {
            JsonReplies.errors(
                exchange,
                404,
                List.of("no such endpoint: use POST " + REQUESTS + "{id}/approve|reject|cancel"));
            return;
          }
          Optional<OidcVerifier.Identity> who = caller("POST", exchange);
          if (who.isEmpty()) {
            return;
          }
          String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
          String verb = parts[1];
          String comment;
          try {
            comment = comment(exchange.body());
          } catch (IllegalArgumentException e) {
            JsonReplies.errors(exchange, 400, List.of(e.getMessage()));
            return;
          }
          Optional<BoardItem> waiting =
              Board.items(client, BoardItem.APPROVAL).stream()
                  .filter(i -> i.workflowId().equals(id))
                  .findFirst();
          boolean cancel = DecisionUpdates.CANCEL.equals(verb);
          if (waiting.isEmpty() && cancel) {
            JsonReplies.errors(
                exchange,
                409,
                List.of(
                    id + " is not waiting for an approval: the API withdraws only such requests"));
            return;
          }
          String forbidden = waiting.map(i -> mayDecide(who.get(), i, cancel)).orElse(null);
          if (forbidden != null) {
            refuse(exchange, 403, id, verb, forbidden);
            return;
          }
          send(exchange, id, verb, new Decision(who.get().username(), comment, SOURCE));
        });
  }

  /** {@code route}, answering 503 with a reason when Temporal cannot be reached. */
  private static Route guarded(Route route) {
    return exchange -> {
      try {
        route.handle(exchange);
      } catch (RuntimeException e) {
        if (!TemporalDown.is(e) || exchange.answered()) {
          throw e;
        }
        log.warn("approvals api: Temporal unavailable reason={}", TemporalDown.describe(e));
        exchange.setHeader("Retry-After", "5");
        JsonReplies.errors(
            exchange,
            503,
            List.of(
                "temporal: cannot reach Temporal ("
                    + TemporalDown.describe(e)
                    + "); nothing was decided, try again later"));
      }
    };
  }

  private void send(Exchange exchange, String id, String verb, Decision decision) {
    DecisionOutcome outcome;
    try {
      outcome = client.newUntypedWorkflowStub(id).update(verb, DecisionOutcome.class, decision);
    } catch (WorkflowUpdateException e) {
      refuse(exchange, 409, id, verb, Refusals.reason(e));
      return;
    } catch (WorkflowNotFoundException e) {
      JsonReplies.errors(exchange, 404, List.of(id + ": no running request with this id"));
      return;
    }
    log.info("approvals api decision workflowId={} verb={} result={}", id, verb, outcome.result());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflowId", id);
    body.put("result", outcome.result());
    body.put("detail", Emails.maskAll(String.valueOf(outcome.detail())));
    body.put("by", decision.by());
    JsonReplies.json(exchange, 200, body);
  }

  /** Answers a refused decision with its reason, logged with emails masked. */
  private static void refuse(Exchange exchange, int status, String id, String verb, String why) {
    log.info(
        "approvals api refused status={} workflowId={} verb={} reason={}",
        status,
        id,
        verb,
        Emails.maskAll(why));
    JsonReplies.errors(exchange, status, List.of(why));
  }

  /**
   * Why {@code who} may not decide {@code item} (null when they may): the policy with the token's
   * groups; the requester may withdraw their own request, and is left for the workflow to refuse
   * otherwise (a 409 with its reason).
   */
  private String mayDecide(OidcVerifier.Identity who, BoardItem item, boolean cancel) {
    if (cancel && isRequester(who, item)) {
      return null;
    }
    return item.decides() == null
        ? null
        : policy.refusal(who.username(), who.groups(), item.decides(), item.accounts());
  }

  private static boolean isRequester(OidcVerifier.Identity who, BoardItem item) {
    return item.requestedBy() != null
        && item.requestedBy().strip().equalsIgnoreCase(who.username().strip());
  }

  private static Map<String, Object> describe(BoardItem item) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workflowId", item.workflowId());
    row.put("about", item.about() == null ? null : Emails.maskAll(item.about()));
    row.put("grants", item.role() == null ? null : Emails.maskAll(item.role()));
    row.put("will", Emails.maskAll(String.valueOf(item.text())));
    row.put("requestedBy", item.requestedBy());
    row.put("ticket", item.ticket());
    row.put("since", item.since());
    row.put(
        "mayDecide",
        item.approvers() == null ? "anyone but " + item.requestedBy() : item.approvers());
    return row;
  }

  /** The optional {@code {"comment": "..."}} of a decision; null without one. */
  private static String comment(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    JsonNode comment = node == null || !node.isObject() ? null : node.get("comment");
    if (node == null
        || !node.isObject()
        || (comment != null && !comment.isNull() && !comment.isTextual())) {
      throw new IllegalArgumentException("body: expected {\"comment\": \"text\"} or nothing");
    }
    if (comment == null || comment.isNull() || comment.asText().isBlank()) {
      return null;
    }
    if (comment.asText().length() > MAX_COMMENT) {
      throw new IllegalArgumentException(
          "body.comment: at most " + MAX_COMMENT + " characters, got " + comment.asText().length());
    }
    return comment.asText().strip();
  }

  /** The authenticated caller of a {@code method} request, or empty after answering. */
  private Optional<OidcVerifier.Identity> caller(String method, Exchange exchange) {
    if (!method.equals(exchange.method())) {
      exchange.setHeader("Allow", method);
      JsonReplies.errors(exchange, 405, List.of("use " + method));
      return Optional.empty();
    }
    return auth.identify(exchange);
  }
}
