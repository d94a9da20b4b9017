package dev.roster.starter.cli;

/** A mistake on the command line or in what it names; printed as one line, exit code 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message, null, false, false);
  }
}
