package dev.roster.activities.http;

/**
 * Whether a vendor account has been answering lately: the outcome of its last {@link #SIZE} calls
 * (an answer below 500, or a 5xx or an I/O failure). A vendor that answered most of them is up, and
 * a failure among them is a passing one; a vendor that failed most of them is down or degraded.
 * Thread-safe.
 */
final class RecentAnswers {
  static final int SIZE = 20;

  private final boolean[] failed = new boolean[SIZE];
  private int next;
  private int recorded;
  private int failures;

  synchronized void record(boolean answered) {
    if (recorded == SIZE && failed[next]) {
      failures--;
    }
    failed[next] = !answered;
    if (!answered) {
      failures++;
    }
    next = (next + 1) % SIZE;
    recorded = Math.min(recorded + 1, SIZE);
  }

  /** Whether at least half of the recent calls were answered (true before any call). */
  synchronized boolean mostlyAnswered() {
    return failures * 2 <= recorded;
  }
}
