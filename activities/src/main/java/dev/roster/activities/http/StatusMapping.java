package dev.roster.activities.http;

import java.io.IOException;
import java.time.Duration;

/** Maps an HTTP outcome to Roster's exception hierarchy (ARCHITECTURE.md §5). */
public final class StatusMapping {

  /**
   * The exception for a non-2xx response.
   *
   * @param vendorMessage the vendor's error message field, or null
   * @param retryAfter the vendor's delay signal for a 429, or null
   */
  public static VendorException forStatus(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Duration retryAfter) {
    return switch (status) {
      case 429 -> new RateLimited(vendor, operation, status, requestId, vendorMessage, retryAfter);
      case 401, 403 -> new AuthFailed(vendor, operation, status, requestId, vendorMessage);
      case 404 -> new NotFound(vendor, operation, status, requestId, vendorMessage);
      case 409 -> new Conflict(vendor, operation, status, requestId, vendorMessage);
      // 408 is the server giving up on a slow request: transient, like a timeout.
      case 408 -> new VendorUnavailable(vendor, operation, status, requestId, vendorMessage);
      default -> {
        if (status >= 400 && status < 500) {
          // 400, 422 and the rest of 4xx: retrying the same request cannot help.
          yield new Rejected(vendor, operation, status, requestId, vendorMessage);
        }
        yield new VendorUnavailable(vendor, operation, status, requestId, vendorMessage);
      }
    };
  }

  /** The exception for a call that got no response: timeouts, resets, dropped connections. */
  public static VendorUnavailable forIo(String vendor, String operation, IOException e) {
    // The exception class says enough (SocketTimeoutException, EOF...); I/O messages can
    // contain host names but not credentials or bodies.
    String what =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new VendorUnavailable(vendor, operation, 0, null, what, e);
  }

  private StatusMapping() {}
}
