package dev.roster.activities.bulkimport;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.VendorException;
import dev.roster.workflows.common.FailureTypes;
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
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), SOURCE_UNAVAILABLE, null);
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
