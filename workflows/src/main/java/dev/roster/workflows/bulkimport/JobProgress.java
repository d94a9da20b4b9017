package dev.roster.workflows.bulkimport;

/**
 * A vendor job's status, as the workflow sees it.
 *
 * @param vendorStatus the vendor's own word
 * @param finished whether the job ended (any unknown word is still running)
 * @param failed whether the whole job failed
 * @param rejected rows the vendor counted as refused (0 when it does not count)
 * @param error the vendor's error text, or null
 */
public record JobProgress(
    String vendorStatus, boolean finished, boolean failed, int rejected, String error) {}
