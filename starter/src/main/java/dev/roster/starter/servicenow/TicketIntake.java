package dev.roster.starter.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.VendorException;
import dev.roster.activities.servicenow.CatalogVariables;
import dev.roster.activities.servicenow.ChangeFeed;
import dev.roster.activities.servicenow.ServiceNowClient;
import dev.roster.starter.RequestConflict;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.ticket.PollCursor;
import dev.roster.workflows.ticket.PollResult;
import dev.roster.workflows.ticket.TicketIntakeActivities;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll mode's intake activity: reads requested items changed since the cursor and starts their
 * requests the way the webhook would. A ticket says what it wants in its {@value
 * #OPERATION_VARIABLE} catalog variable ({@code onboard}, {@code offboard}, {@code change} or
 * {@code bulk_import}); others are not Roster's and are skipped.
 */
public final class TicketIntake implements TicketIntakeActivities {
  public static final String OPERATION_VARIABLE = "roster_operation";
  private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);
  private static final DateTimeFormatter GLIDE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String TABLE = "sc_req_item";

  private final ServiceNowClient servicenow;
  private final ChangeFeed feed;
  private final CatalogVariables variables;
  private final TicketRequests requests;
  private final WorkflowClient client;
  private final boolean preApproved;
  private final Duration firstLookBack;
  private final Clock clock;

  public TicketIntake(
      ServiceNowClient servicenow,
      TicketRequests requests,
      WorkflowClient client,
      boolean preApproved,
      Duration firstLookBack,
      Clock clock) {
    this.servicenow = requireNonNull(servicenow, "servicenow is null");
    this.feed = new ChangeFeed(servicenow);
    this.variables = new CatalogVariables(servicenow);
    this.requests = requireNonNull(requests, "requests is null");
    this.client = requireNonNull(client, "client is null");
    this.preApproved = preApproved;
    this.firstLookBack = requireNonNull(firstLookBack, "firstLookBack is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public PollResult pollAndStart(PollCursor cursor) {
    String watermark =
        cursor.watermark() != null
            ? cursor.watermark()
            : GLIDE.format(clock.instant().minus(firstLookBack));
    List<Map<String, String>> changed;
    try {
      changed =
          feed.changedSince(
              TABLE, "", watermark, List.of("number", "approval", "opened_by.user_name"), 100, 500);
    } catch (VendorException e) {
      throw ActivityFailures.toApplicationFailure(e);
    }
    List<String> started = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    String next = watermark;
    List<String> seen = new ArrayList<>(cursor.watermark() == null ? List.of() : cursor.seen());
    for (Map<String, String> ticket : changed) {
      String sysId = ticket.get("sys_id");
      String updated = ticket.get("sys_updated_on");
      if (updated.equals(watermark) && seen.contains(sysId)) {
        continue;
      }
      if (!updated.equals(next)) {
        next = updated;
        seen.clear();
      }
      seen.add(sysId);
      start(ticket, started, refused);
    }
    return new PollResult(new PollCursor(next, seen), started, refused);
  }

  /**
   * Passes a decision made in ServiceNow on to the request: the approver is the one on the latest
   * decided sysapproval_approver row (the workflow refuses the requester). A ticket approved before
   * Roster saw it counts only when {@code preApproved} allows.
   */
  private void decide(Map<String, String> ticket, String workflowId) {
    String state = ticket.getOrDefault("approval", "");
    if (!state.equals("approved") && !state.equals("rejected")) {
      return;
    }
    List<Map<String, String>> rows;
    try {
      rows =
          servicenow
              .query(
                  "sysapproval_approver",
                  "sysapproval="
                      + ticket.get("sys_id")
                      + "^state="
                      + state
                      + "^ORDERBYDESCsys_updated_on",
                  List.of("approver.user_name", "comments"),
                  1,
                  0)
              .records();
    } catch (VendorException e) {
      throw ActivityFailures.toApplicationFailure(e);
    }
    if (rows.isEmpty() && !preApproved) {
      return;
    }
    String approver = rows.isEmpty() ? "servicenow" : rows.get(0).get("approver.user_name");
    try {
      client
          .newUntypedWorkflowStub(workflowId)
          .signal(
              state.equals("approved") ? "approve" : "reject",
              new Decision(approver, "decided in ServiceNow", "servicenow"));
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      // The request already ended.
    }
  }

  private boolean exists(String workflowId) {
    try {
      client.newUntypedWorkflowStub(workflowId).describe();
      return true;
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      return false;
    }
  }

  private void start(Map<String, String> ticket, List<String> started, List<String> refused) {
    String number = ticket.get("number");
    Map<String, String> vars;
    try {
      vars = variables.read(ticket.get("sys_id"));
    } catch (VendorException e) {
      throw ActivityFailures.toApplicationFailure(e);
    }
    WebhookEvent.Type type =
        WebhookEvent.Type.fromWire(vars.getOrDefault(OPERATION_VARIABLE, "").trim())
            .filter(t -> t != WebhookEvent.Type.APPROVAL)
            .orElse(null);
    if (type == null) {
      return; // not Roster's
    }
    String workflowId = type.workflowId(number).orElseThrow();
    if (exists(workflowId)) {
      // Seen before (Roster's own ticket updates change sys_updated_on): pass decisions on only.
      decide(ticket, workflowId);
      return;
    }
    String requestedBy = ticket.getOrDefault("opened_by.user_name", "");
    try {
      String id =
          requests.start(type, TABLE, ticket.get("sys_id"), number, vars, requestedBy).workflowId();
      decide(ticket, id);
      started.add(id);
    } catch (WebhookRejection | IllegalArgumentException | RequestConflict e) {
      refused.add(number + ": " + e.getMessage());
      log.warn("ticket refused ticket={} reason={}", number, e.getMessage());
    }
  }
}
