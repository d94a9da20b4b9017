package dev.roster.activities.http;

import dev.roster.workflows.common.FailureTypes;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/** Turns vendor exceptions into the Temporal failures the workflows plan for (FailureTypes). */
public final class ActivityFailures {

  /**
   * The failure for a vendor exception: RateLimited is retryable with the vendor's delay (or a
   * jittered backoff from the attempt number when the vendor gave none); VendorUnavailable is
   * retryable; AuthFailed is non-retryable; Rejected, NotFound and Conflict that reach this point
   * are non-retryable Rejected.
   */
  public static ApplicationFailure toApplicationFailure(VendorException e) {
    return toApplicationFailure(e, RetryDelays.system(), RetryDelays.currentAttempt());
  }

  /** As {@link #toApplicationFailure(VendorException)} with explicit backoff inputs, for tests. */
  public static ApplicationFailure toApplicationFailure(
      VendorException e, RetryDelays delays, int attempt) {
    String message = e.getMessage();
    if (e instanceof RateLimited limited) {
      Duration delay =
          limited.retryAfter() != null ? limited.retryAfter() : delays.backoff(attempt);
      return ApplicationFailure.newBuilder()
          .setMessage(message)
          .setType(FailureTypes.RATE_LIMITED)
          .setNextRetryDelay(delay)
          // Throttling is expected operation, not an error worth alarming on.
          .setCategory(ApplicationErrorCategory.BENIGN)
          .setCause(e)
          .build();
    }
    if (e instanceof AuthFailed) {
      return nonRetryable(message, FailureTypes.AUTH_FAILED, e);
    }
    if (e instanceof VendorUnavailable || e.retryable()) {
      return ApplicationFailure.newFailureWithCause(message, FailureTypes.VENDOR_UNAVAILABLE, e);
    }
    return nonRetryable(message, FailureTypes.REJECTED, e);
  }

  /** A non-retryable failure of the given type for a problem found before any vendor call. */
  public static ApplicationFailure nonRetryable(String message, String type) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  private static ApplicationFailure nonRetryable(String message, String type, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause);
  }

  private ActivityFailures() {}
}
