package dev.roster.activities.servicenow;

import java.util.Arrays;
import java.util.Optional;

/** The Task state choices {@code sc_req_item} and {@code sc_task} share (servicenow.md §2). */
public enum TicketState {
  PENDING("-5"),
  OPEN("1"),
  WORK_IN_PROGRESS("2"),
  CLOSED_COMPLETE("3"),
  CLOSED_INCOMPLETE("4"),
  CLOSED_SKIPPED("7");

  private final String value;

  TicketState(String value) {
    this.value = value;
  }

  /** The stored choice value, e.g. "3". */
  public String value() {
    return value;
  }

  /** Whether the state makes a task inactive (3, 4 and 7). */
  public boolean closed() {
    return this == CLOSED_COMPLETE || this == CLOSED_INCOMPLETE || this == CLOSED_SKIPPED;
  }

  /** The state for a stored value; empty for choices an instance added. */
  public static Optional<TicketState> fromValue(String value) {
    return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
  }
}
