package dev.roster.starter;

/**
 * What a start did.
 *
 * @param workflowId the request's workflow id
 * @param how whether this call started it, found the same request running, found it already run, or
 *     added to it
 * @param detail for {@link How#AMENDED}, what was added; otherwise null
 */
public record Started(String workflowId, How how, String detail) {

  public enum How {
    /** A new workflow runs this request. */
    STARTED,
    /** The same request was running already (a repeated command, a redelivered webhook). */
    ATTACHED,
    /** The ticket's request already ran to its end; a ticket's request runs once. */
    ALREADY_RAN,
    /** The running request took the amendment. */
    AMENDED,
    /**
     * Started, or attached to the same one already running: an import's id hashes everything it
     * asks (or is its ticket's), so a repeat is the same import and the two are not told apart.
     */
    SUBMITTED
  }

  static Started of(String workflowId, How how) {
    return new Started(workflowId, how, null);
  }
}
