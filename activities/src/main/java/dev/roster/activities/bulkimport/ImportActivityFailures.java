package dev.roster.activities.bulkimport;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.VendorException;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Runs an import activity's work and turns its exceptions into Temporal failures. */
final class ImportActivityFailures {
  /** The failure type of an {@link ImportFailed} that no retry can fix. */
  static final String IMPORT_FAILED = "ImportFailed";

  /** The failure type of an {@link ImportFailed} that a retry may fix. */
  static final String SOURCE_UNAVAILABLE = "SourceUnavailable";

  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (ImportFailed e) {
      if (e.retryable()) {
        ApplicationFailure.Builder failure =
            ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType(SOURCE_UNAVAILABLE);
        // A throttled source (ServiceNow's 429) says when to come back; honour it.
        if (e.getCause() instanceof RateLimited limited && limited.retryAfter() != null) {
          failure.setNextRetryDelay(limited.retryAfter());
        }
        throw failure.build();
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), IMPORT_FAILED, e.kind());
    } catch (VendorException e) {
      throw ActivityFailures.toApplicationFailure(e);
    }
  }

  static <C> C connector(Map<String, C> byAccount, String account) {
    C c = byAccount.get(account);
    if (c == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "account '"
              + account
              + "' takes no bulk import; importable: "
              + new TreeSet<>(byAccount.keySet()),
          FailureTypes.UNKNOWN_ACCOUNT);
    }
    return c;
  }

  private ImportActivityFailures() {}
}
