package dev.roster.workflows.failure;

/**
 * The {@code ApplicationFailure} types Roster's activities throw. Workflows and retry options refer
 * to these names; tests assert on them, never on message text.
 */
public final class FailureTypes {
  /** The vendor throttled us (HTTP 429) or the local rate budget is spent. Retryable. */
  public static final String RATE_LIMITED = "RateLimited";

  /** Credentials were refused (401/403). Not retryable: a person must fix the configuration. */
  public static final String AUTH_FAILED = "AuthFailed";

  /** The vendor refused the request as invalid (400/422). Not retryable. */
  public static final String REJECTED = "Rejected";

  /** The vendor had a transient problem (5xx, timeout, reset). Retryable. */
  public static final String VENDOR_UNAVAILABLE = "VendorUnavailable";

  /** The request names a vendor account that is not configured. Not retryable. */
  public static final String UNKNOWN_ACCOUNT = "UnknownAccount";

  /** The vendor account cannot do what was asked (e.g. no team API). Not retryable. */
  public static final String UNSUPPORTED = "Unsupported";

  /**
   * A request that can never succeed as given (a bad email, role, list id, ticket...). Thrown by a
   * workflow at its start, naming the field. Not retryable.
   */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /**
   * A step found the contact it works on missing at the vendor (the contact step's write is gone).
   * Not retryable as such: the workflow writes the contact again, then repeats the step.
   */
  public static final String CONTACT_MISSING = "ContactMissing";

  /** Types that no retry can fix. */
  public static final String[] NON_RETRYABLE = {
    AUTH_FAILED, REJECTED, UNKNOWN_ACCOUNT, UNSUPPORTED
  };

  private FailureTypes() {}
}
