package dev.roster.activities.http;

import java.time.Duration;

/** HTTP 429 or the local rate budget is spent. Retryable after {@link #retryAfter()}. */
public final class RateLimited extends VendorException {
  private final Duration retryAfter;

  /**
   * @param retryAfter how long the vendor (or the local budget) asks us to wait, or null when it
   *     gave no signal and the caller should back off on its own
   */
  public RateLimited(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Duration retryAfter) {
    super(vendor, operation, status, requestId, true, vendorMessage, null);
    this.retryAfter = retryAfter;
  }

  /** The delay the vendor asked for, or null when it gave none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
