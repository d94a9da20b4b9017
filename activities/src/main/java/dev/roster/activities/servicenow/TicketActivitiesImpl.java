package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.VendorException;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.ticket.TicketActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Ticket write-back on the {@code roster-servicenow} queue: finds tickets by number. */
public final class TicketActivitiesImpl implements TicketActivities {
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{2,8}[0-9]{4,12}");

  private final ServiceNowClient client;
  private final TicketWriter writer;
  private final Map<String, String> sysIds = new ConcurrentHashMap<>();

  public TicketActivitiesImpl(ServiceNowClient client) {
    this.client = requireNonNull(client, "client is null");
    this.writer = new TicketWriter(client);
  }

  /** The table a ticket number lives in, from its prefix (RITM0010001 is a requested item). */
  static String table(String number) {
    if (number.startsWith("RITM")) {
      return "sc_req_item";
    }
    if (number.startsWith("SCTASK")) {
      return "sc_task";
    }
    if (number.startsWith("REQ")) {
      return "sc_request";
    }
    if (number.startsWith("INC")) {
      return "incident";
    }
    return "task";
  }

  private String sysId(String number) {
    if (number == null || !NUMBER.matcher(number).matches()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "not a ticket number: " + number, FailureTypes.REJECTED);
    }
    return sysIds.computeIfAbsent(
        number,
        n -> {
          QueryPage page = client.query(table(n), "number=" + n, List.of("sys_id"), 1, 0);
          if (page.records().isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure(
                "ticket " + n + " not found (or not visible to the integration user)",
                FailureTypes.REJECTED);
          }
          return page.records().get(0).get("sys_id");
        });
  }

  @Override
  public void addWorkNote(String ticket, String workflowId, String milestone, String text) {
    call(() -> writer.addWorkNote(table(ticket), sysId(ticket), workflowId, milestone, text));
  }

  @Override
  public void setState(String ticket, String state, String closeNotes) {
    TicketState target = TicketState.valueOf(state.toUpperCase(Locale.ROOT));
    call(
        () -> {
          writer.setState(table(ticket), sysId(ticket), target, closeNotes);
          return null;
        });
  }

  @Override
  public String openTask(
      String ticket, String correlationId, String shortDescription, String details) {
    return call(() -> writer.openTask(sysId(ticket), correlationId, shortDescription, details));
  }

  @Override
  public String closedBy(String taskSysId) {
    return call(
        () -> {
          if (!writer.isTaskClosed(taskSysId)) {
            return null;
          }
          Map<String, String> task =
              client.getRecord(
                  "sc_task", taskSysId, List.of("closed_by.user_name", "sys_updated_by"));
          String by = task.getOrDefault("closed_by.user_name", "");
          return by.isBlank() ? task.getOrDefault("sys_updated_by", "servicenow") : by;
        });
  }

  private static <T> T call(Supplier<T> body) {
    try {
      return body.get();
    } catch (VendorException e) {
      throw ActivityFailures.toApplicationFailure(e);
    }
  }
}
