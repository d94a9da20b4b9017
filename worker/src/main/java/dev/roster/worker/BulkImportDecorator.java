package dev.roster.worker;

import dev.roster.activities.spi.BulkImportConnector;

/**
 * Wraps an account's bulk-import connector as the worker builds it. Production binds {@link #NONE};
 * tests bind one that injects faults (e.g. a response lost after the vendor accepted a chunk) with
 * {@code Modules.override}.
 */
@FunctionalInterface
public interface BulkImportDecorator {
  /** Leaves every connector as it is. */
  BulkImportDecorator NONE = (account, connector) -> connector;

  /** The connector the worker uses for {@code account}. */
  BulkImportConnector decorate(String account, BulkImportConnector connector);
}
