package dev.roster.activities.listmonk;

import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.activities.listmonk.ListmonkTypes.ImportStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises imports on one listmonk instance: it runs one import at a time and has no job id
 * (vendors.md §3). The lock keeps this process's threads from racing between "is one running?" and
 * "start"; the vendor's 400 "already running" covers other processes.
 */
final class ListmonkImports {
  private static final Logger log = LoggerFactory.getLogger(ListmonkImports.class);
  static final String BUSY = "another import is running on this listmonk instance";

  private final ListmonkClient client;
  private final Object lock = new Object();

  ListmonkImports(ListmonkClient client) {
    this.client = client;
  }

  ImportStatus start(ImportParams params, String fileName, byte[] csv) {
    synchronized (lock) {
      ImportStatus current = client.imports().status();
      if (current.running()) {
        throw busy(current.status(), null);
      }
      try {
        ImportStatus started = client.imports().start(params, fileName, csv);
        log.info("listmonk import started total={}", started.total());
        return started;
      } catch (Rejected e) {
        String message = e.vendorMessage() == null ? "" : e.vendorMessage();
        if (message.toLowerCase(Locale.ROOT).contains("already running")) {
          throw busy("importing", e);
        }
        throw e;
      }
    }
  }

  private static VendorUnavailable busy(String status, Rejected cause) {
    log.warn("listmonk import busy status={}", status);
    return new VendorUnavailable(
        ListmonkClient.VENDOR,
        "startImport",
        cause == null ? 0 : cause.status(),
        null,
        BUSY,
        cause);
  }
}
