package dev.roster.workflows.contacts;

/**
 * What an erasure did, checked by reading back.
 *
 * @param result ERASED (gone or anonymised on read-back), ABSENT (nothing to erase) or UNDELETABLE
 *     (the vendor refuses: e.g. an account owner's own contact; never retried forever)
 * @param detail the vendor's reason for UNDELETABLE, else a short note
 */
public record EraseOutcome(Result result, String detail) {

  public enum Result {
    ERASED,
    ABSENT,
    UNDELETABLE
  }
}
