package dev.roster.starter.cli;

import dev.roster.workflows.conventions.RosterSearchAttributes;
import io.temporal.client.WorkflowClient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Roster's own records of a person after an erasure: the workflows whose id or {@code
 * RosterSubject} search attribute carry their subject hash. Their histories hold the person's data
 * (encrypted) until the namespace's retention deletes them after they close; an erasure at the
 * vendors does not reach them, so {@code roster offboard --erase} says which they are.
 */
final class SubjectRecords {
  private static final int MAX_LISTED = 100;

  /**
   * The offboarding itself, the person's requests started without a ticket, and (where the server
   * answers visibility queries; the embedded one does not) every workflow with their subject.
   */
  static List<String> of(WorkflowClient client, String subject, String offboardingId) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(offboardingId);
    ids.addAll(
        Workflows.existing(
            client,
            List.of(
                "onboard-" + subject,
                "offboard-" + subject,
                "change-" + subject,
                "change-" + subject + "-onboard")));
    try {
      client
          .listExecutions(RosterSearchAttributes.SUBJECT.getName() + " = '" + subject + "'")
          .limit(MAX_LISTED)
          .forEach(e -> ids.add(e.getExecution().getWorkflowId()));
    } catch (RuntimeException e) {
      // No visibility queries here (the embedded server): the ids above are what can be known.
    }
    return List.copyOf(ids);
  }

  /** The line {@code roster offboard --erase} prints. */
  static String line(String subject, List<String> ids) {
    return "Roster's own records of this person (subject "
        + subject
        + "): "
        + String.join(", ", ids)
        + ". Their histories are encrypted and deleted by the namespace's retention once they"
        + " close.";
  }

  private SubjectRecords() {}
}
