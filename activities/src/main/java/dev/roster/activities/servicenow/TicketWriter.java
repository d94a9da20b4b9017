package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket operations the workflows call as activities (on the {@code roster-servicenow} queue).
 * Each is safe to retry: a Temporal retry after a timeout must not post a note twice or open a
 * second task. All throw the {@code dev.roster.activities.http} exceptions of {@link
 * ServiceNowClient}. Thread-safe.
 */
public final class TicketWriter {
  private static final Logger log = LoggerFactory.getLogger(TicketWriter.class);

  /** Marker parts end up in an encoded query, where {@code ^} separates terms. */
  private static final Pattern MARKER_PART = Pattern.compile("[A-Za-z0-9._:@+-]{1,200}");

  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  static final String TASK = "sc_task";
  static final String JOURNAL = "sys_journal_field";

  private final ServiceNowClient client;

  public TicketWriter(ServiceNowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /** The line that identifies one milestone's note: {@code [roster:<workflowId>:<milestone>]}. */
  public static String marker(String workflowId, String milestone) {
    requireMarkerPart("workflowId", workflowId);
    requireMarkerPart("milestone", milestone);
    return "[roster:" + workflowId + ":" + milestone + "]";
  }

  /**
   * Appends a work note ending with the milestone's marker line, unless a note with that marker is
   * already in the record's journal. Idempotent: one query of {@code sys_journal_field}, then at
   * most one PATCH. The integration user needs read access to {@code sys_journal_field}.
   *
   * @return true when the note was posted, false when it was already there
   */
  public boolean addWorkNote(
      String table, String sysId, String workflowId, String milestone, String text) {
    requireSysId(sysId);
    String marker = marker(workflowId, milestone);
    String query = "element_id=" + sysId + "^element=work_notes^valueLIKE" + marker;
    QueryPage existing = client.query(JOURNAL, query, List.of("sys_id"), 1, 0);
    if (!existing.records().isEmpty()) {
      log.info("work note already posted table={} milestone={}", table, milestone);
      return false;
    }
    client.patch(table, sysId, Map.of("work_notes", text + "\n" + marker));
    log.info("work note posted table={} milestone={}", table, milestone);
    return true;
  }

  /**
   * Sets a ticket's state and, when given, its close notes. Idempotent: the same PATCH twice leaves
   * the same record.
   *
   * @param closeNotes required by most instances for closing states; null leaves them unchanged
   */
  public void setState(String table, String sysId, TicketState state, String closeNotes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("state", state.value());
    if (closeNotes != null) {
      fields.put("close_notes", closeNotes);
    }
    client.patch(table, sysId, fields);
    log.info("ticket state set table={} state={}", table, state);
  }

  /**
   * Opens an {@code sc_task} on a requested item, or returns the one already opened with this
   * correlation id (stored in the task's {@code correlation_id}). Idempotent by correlation id.
   *
   * @param correlationId e.g. {@code <workflowId>:<manual task id>}
   * @return the task's sys_id
   */
  public String openTask(
      String ritmSysId, String correlationId, String shortDescription, String description) {
    requireSysId(ritmSysId);
    requireMarkerPart("correlationId", correlationId);
    QueryPage existing =
        client.query(
            TASK,
            "request_item=" + ritmSysId + "^correlation_id=" + correlationId,
            List.of("sys_id"),
            1,
            0);
    if (!existing.records().isEmpty()) {
      return existing.records().get(0).get("sys_id");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("request_item", ritmSysId);
    fields.put("parent", ritmSysId);
    fields.put("short_description", shortDescription);
    fields.put("description", description == null ? "" : description);
    fields.put("correlation_id", correlationId);
    fields.put("correlation_display", "Roster");
    String sysId = client.create(TASK, fields).get("sys_id");
    log.info("task opened table={} correlationId={}", TASK, correlationId);
    return sysId;
  }

  /**
   * Whether a task is closed (state 3, 4 or 7, or inactive). Read-only.
   *
   * @throws NotFound when the task is gone or hidden
   */
  public boolean isTaskClosed(String taskSysId) {
    return taskStatus(taskSysId).closed();
  }

  /** A task's state, close notes and whether it is closed. Read-only. */
  public TaskStatus taskStatus(String taskSysId) {
    Map<String, String> task =
        client.getRecord(TASK, taskSysId, List.of("state", "active", "close_notes"));
    String state = task.getOrDefault("state", "");
    boolean closed =
        TicketState.fromValue(state).map(TicketState::closed).orElse(false)
            || "false".equals(task.get("active"));
    return new TaskStatus(state, closed, task.getOrDefault("close_notes", ""));
  }

  /**
   * @param state the stored state value
   * @param closeNotes what the fulfiller wrote when closing; may be empty
   */
  public record TaskStatus(String state, boolean closed, String closeNotes) {
    /** Closed Complete, as opposed to incomplete or skipped. */
    public boolean completed() {
      return TicketState.CLOSED_COMPLETE.value().equals(state);
    }
  }

  /** sys_ids go into encoded queries; anything but 32 hex characters could inject terms. */
  static void requireSysId(String sysId) {
    if (sysId == null || !SYS_ID.matcher(sysId).matches()) {
      throw new IllegalArgumentException("sys_id must be 32 lower-case hex characters");
    }
  }

  private static void requireMarkerPart(String name, String value) {
    if (value == null || !MARKER_PART.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 1-200 characters of letters, digits and . _ : @ + -");
    }
  }
}
