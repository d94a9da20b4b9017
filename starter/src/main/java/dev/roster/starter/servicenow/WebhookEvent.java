package dev.roster.starter.servicenow;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A ServiceNow event as the business rule sends it (deploy/servicenow/roster_webhook.js):
 *
 * <pre>{@code
 * {"event": "onboard", "table": "sc_req_item", "sys_id": "<32 hex>", "number": "RITM0010001",
 *  "sys_updated_on": "2026-01-05 09:00:00", "variables": {"email": "..."},
 *  "requested_by": "abel.tuter",
 *  "approval": {"state": "approved", "approver": "beth.anglin", "sys_id": "<32 hex>"}}
 * }</pre>
 *
 * For {@code approval} events the ticket fields describe the requested item and {@code approval}
 * the approver's {@code sysapproval_approver} row. Parse with {@link WebhookEventParser}.
 *
 * @param sysUpdatedOn may be null (optional on the wire)
 * @param variables catalog variable name -> value (arrays on the wire are joined with ",")
 * @param requestedBy the requester's user_name
 */
public record WebhookEvent(
    Type event,
    String table,
    String sysId,
    String number,
    String sysUpdatedOn,
    Map<String, String> variables,
    String requestedBy,
    Approval approval) {

  public WebhookEvent {
    variables = Map.copyOf(variables);
  }

  /** What the ticket asks for. */
  public enum Type {
    ONBOARD("onboard", "onboard"),
    OFFBOARD("offboard", "offboard"),
    BULK_IMPORT("bulk_import", "import"),
    /** A mover: roles and lists on the selected accounts (ChangeAccess). */
    CHANGE("change", "change"),
    APPROVAL("approval", null);

    private final String wire;
    private final String workflowPrefix;

    Type(String wire, String workflowPrefix) {
      this.wire = wire;
      this.workflowPrefix = workflowPrefix;
    }

    /** The value of the {@code event} field. */
    public String wire() {
      return wire;
    }

    static Optional<Type> fromWire(String value) {
      return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /**
     * The workflow a ticket of this type starts, {@code <prefix>-<number>}; empty for approvals.
     */
    Optional<String> workflowId(String number) {
      return Optional.ofNullable(workflowPrefix).map(prefix -> prefix + "-" + number);
    }
  }

  /**
   * The approval part: for ticket events the RITM's roll-up state only; for approval events the
   * decided approver row.
   *
   * @param state not requested, requested, approved, rejected, cancelled, not_required, skipped
   * @param approver the approver's user_name, or null
   * @param sysId the sysapproval_approver sys_id, or null
   * @param comments the approver's latest comment, or null
   */
  public record Approval(String state, String approver, String sysId, String comments) {
    public boolean approved() {
      return "approved".equals(state);
    }
  }

  /**
   * The workflow this event starts: {@code <operation>-<number>} (onboard-, offboard-, import-), so
   * duplicate deliveries attach to the same execution. Empty for approval events, which signal
   * whichever workflow runs for the ticket.
   */
  public Optional<String> workflowId() {
    return event.workflowId(number);
  }
}
