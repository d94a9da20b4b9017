package dev.roster.sandbox.mailersend;

import java.time.Instant;

/** Snapshot of a recipient: an address MailerSend has sent (or tried to send) mail to. */
public record Recipient(String id, String email, Instant createdAt) {}
