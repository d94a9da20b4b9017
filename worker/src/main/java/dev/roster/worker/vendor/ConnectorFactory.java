package dev.roster.worker.vendor;

import dev.roster.worker.VendorAccount;

/** Builds the connectors of one account of a vendor type; a vendor module binds one. */
@FunctionalInterface
public interface ConnectorFactory {
  /**
   * The connectors of {@code account}, talking to its base URL with its credential and budgets.
   * Called once per account and worker; makes no call to the vendor.
   *
   * @throws dev.roster.worker.config.ConfigException when the credential has the wrong shape
   */
  VendorConnectors connect(VendorAccount account);
}
