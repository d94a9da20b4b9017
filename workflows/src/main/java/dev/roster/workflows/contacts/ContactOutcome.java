package dev.roster.workflows.contacts;

/** What an upsert did. */
public enum ContactOutcome {
  CREATED,
  UPDATED
}
