package dev.roster.activities.http;

/** HTTP 5xx, timeouts, resets and dropped connections. Retryable. */
public final class VendorUnavailable extends VendorException {
  public VendorUnavailable(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Throwable cause) {
    super(vendor, operation, status, requestId, true, vendorMessage, cause);
  }

  public VendorUnavailable(
      String vendor, String operation, int status, String requestId, String vendorMessage) {
    this(vendor, operation, status, requestId, vendorMessage, null);
  }
}
