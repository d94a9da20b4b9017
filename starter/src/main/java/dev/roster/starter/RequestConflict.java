package dev.roster.starter;

import java.util.List;

/**
 * A request differs from the one already running under the same workflow id: it is refused, never
 * silently attached. The message names the running workflow and every difference (masked, never an
 * email in full).
 */
public final class RequestConflict extends RuntimeException {
  private final String workflowId;
  private final List<String> differences;

  public RequestConflict(String workflowId, List<String> differences) {
    super(
        workflowId
            + " is already running with a different request: "
            + String.join("; ", differences),
        null,
        false,
        false);
    this.workflowId = workflowId;
    this.differences = List.copyOf(differences);
  }

  /** The running workflow. */
  public String workflowId() {
    return workflowId;
  }

  /** What differs, one entry per field. */
  public List<String> differences() {
    return differences;
  }
}
