package dev.roster.activities.http;

import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/** Turns vendor exceptions into the Temporal failures the workflows plan for (FailureTypes). */
public final class ActivityFailures {

  /**
   * Attempts that a passing failure is retried soon ({@link RetryDelays#soon()}) rather than after
   * the policy's exponential backoff. Enough that a step meeting one transient failure after
   * another from a vendor that answers most calls is not parked for minutes (at one failed request
   * in five, a three-request step fails four times in a row about once in forty runs; exponential
   * backoff from 2 s made that a minute's wait, seven times in a row four minutes); few enough that
   * a request the vendor always fails on backs off like any other.
   */
  static final int SOON_ATTEMPTS = 8;

  /**
   * The failure for a vendor exception: RateLimited is retryable with the vendor's delay (or a
   * jittered backoff from the attempt number when the vendor gave none); VendorUnavailable is
   * retryable, soon while the vendor answers most calls ({@link MeteredHttp#answering}) and for the
   * first {@link #SOON_ATTEMPTS} attempts, then with a jittered backoff counted from there while it
   * still answers, else after the policy's backoff; AuthFailed is non-retryable; Rejected, NotFound
   * and Conflict that reach this point are non-retryable Rejected.
   */
  public static ApplicationFailure toApplicationFailure(VendorException e) {
    return toApplicationFailure(
        e, RetryDelays.system(), RetryDelays.currentAttempt(), MeteredHttp.answering());
  }

  /** As {@link #toApplicationFailure(VendorException)} with explicit inputs, for tests. */
  public static ApplicationFailure toApplicationFailure(
      VendorException e, RetryDelays delays, int attempt) {
    return toApplicationFailure(e, delays, attempt, true);
  }

  /**
   * As {@link #toApplicationFailure(VendorException)} with explicit inputs, for tests.
   *
   * @param vendorAnswering whether the vendor answered most of its recent calls
   */
  public static ApplicationFailure toApplicationFailure(
      VendorException e, RetryDelays delays, int attempt, boolean vendorAnswering) {
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
    if (e instanceof ContactMissing) {
      return nonRetryable(message, FailureTypes.CONTACT_MISSING, e);
    }
    if (e instanceof AuthFailed) {
      return nonRetryable(message, FailureTypes.AUTH_FAILED, e);
    }
    if (e instanceof VendorUnavailable || e.retryable()) {
      ApplicationFailure.Builder failure =
          ApplicationFailure.newBuilder()
              .setMessage(message)
              .setType(FailureTypes.VENDOR_UNAVAILABLE)
              .setCause(e);
      if (vendorAnswering && attempt < SOON_ATTEMPTS) {
        // A passing failure: the vendor answers most calls, so the next attempt will likely work.
        failure.setNextRetryDelay(delays.soon());
      } else if (vendorAnswering) {
        // Still answering, this step still failing: back off, counting from the end of the quick
        // tries (the policy's own backoff, counted from attempt 1, would park it for minutes).
        failure.setNextRetryDelay(delays.backoff(attempt - SOON_ATTEMPTS + 1));
      }
      return failure.build();
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
