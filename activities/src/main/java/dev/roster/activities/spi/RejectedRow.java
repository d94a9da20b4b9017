package dev.roster.activities.spi;

/**
 * A row a vendor import refused.
 *
 * @param email the address as the vendor reports it, or null when the vendor names no rows
 * @param reason the vendor's reason, never containing credentials
 */
public record RejectedRow(String email, String reason) {}
