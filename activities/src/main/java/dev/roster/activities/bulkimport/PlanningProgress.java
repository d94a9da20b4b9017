package dev.roster.activities.bulkimport;

/**
 * What a planning pass reports its progress to, and learns from where an earlier attempt stopped:
 * the activity's heartbeat in production, nothing in a one-shot pass.
 */
interface PlanningProgress {

  /** The heartbeat of an earlier attempt to resume from, or null to start from the beginning. */
  PlanningHeartbeat resumeFrom();

  /** This attempt's number (working files are named by it). */
  int attempt();

  /** Whether a checkpoint is due, {@code rows} rows after the last one. */
  boolean due(long rows);

  /** Reports a checkpoint already in the store. May throw when the activity was cancelled. */
  void beat(PlanningHeartbeat heartbeat);

  /** A pass that never checkpoints and never resumes. */
  PlanningProgress NONE =
      new PlanningProgress() {
        @Override
        public PlanningHeartbeat resumeFrom() {
          return null;
        }

        @Override
        public int attempt() {
          return 1;
        }

        @Override
        public boolean due(long rows) {
          return false;
        }

        @Override
        public void beat(PlanningHeartbeat heartbeat) {}
      };
}
