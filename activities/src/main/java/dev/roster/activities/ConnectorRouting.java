package dev.roster.activities;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.VendorException;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds an account's connector and converts vendor exceptions into Temporal failures. */
final class ConnectorRouting<C> {
  private static final Logger log = LoggerFactory.getLogger(ConnectorRouting.class);

  private final Map<String, C> byAccount;

  ConnectorRouting(Map<String, C> byAccount) {
    this.byAccount = Map.copyOf(byAccount);
  }

  /** Runs a call that returns nothing; see {@link #call}. */
  void run(String account, String operation, String email, Consumer<C> call) {
    call(
        account,
        operation,
        email,
        c -> {
          call.accept(c);
          return null;
        });
  }

  /** Runs {@code call} on the account's connector; failures become ApplicationFailures. */
  <T> T call(String account, String operation, String email, Function<C, T> call) {
    C connector = byAccount.get(account);
    if (connector == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unknown account '" + account + "'; configured: " + new TreeSet<>(byAccount.keySet()),
          FailureTypes.UNKNOWN_ACCOUNT);
    }
    try {
      return call.apply(connector);
    } catch (VendorException e) {
      ApplicationFailure failure = ActivityFailures.toApplicationFailure(e);
      if (failure.isNonRetryable()) {
        log.error(
            "vendor call refused account={} operation={} email={} type={} status={} requestId={}",
            account,
            operation,
            EmailMask.mask(email),
            failure.getType(),
            e.status(),
            e.requestId());
      } else {
        log.warn(
            "vendor call will be retried account={} operation={} email={} type={} status={}"
                + " requestId={} nextRetryDelay={}",
            account,
            operation,
            EmailMask.mask(email),
            failure.getType(),
            e.status(),
            e.requestId(),
            failure.getNextRetryDelay());
      }
      throw failure;
    }
  }
}
