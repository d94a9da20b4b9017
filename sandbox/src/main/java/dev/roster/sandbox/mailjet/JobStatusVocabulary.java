package dev.roster.sandbox.mailjet;

import java.util.List;

/**
 * Which set of {@code Status} values the fake's bulk jobs report. vendors.md §1 ⚠: the two sources
 * disagree, so a client must cope with both.
 */
public enum JobStatusVocabulary {
  /** guides/_contacts_bulk.md: Allocated, Upload, Prepare, Importing, then Completed or Error. */
  GUIDE(List.of("Allocated", "Upload", "Prepare", "Importing")),
  /** The Node SDK's JobStatus enum: "In Progress", then Completed or Error. */
  SDK(List.of("In Progress"));

  private final List<String> running;

  JobStatusVocabulary(List<String> running) {
    this.running = running;
  }

  /** The status a job reports on its {@code poll}-th (1-based) poll while still running. */
  String running(int poll) {
    return running.get(Math.min(Math.max(poll, 1), running.size()) - 1);
  }
}
