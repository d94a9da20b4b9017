package dev.roster.activities.http;

/** HTTP 404. What it means (absent contact, unknown list) is the connector's call. */
public final class NotFound extends VendorException {
  public NotFound(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Throwable cause) {
    super(vendor, operation, status, requestId, false, vendorMessage, cause);
  }

  public NotFound(
      String vendor, String operation, int status, String requestId, String vendorMessage) {
    this(vendor, operation, status, requestId, vendorMessage, null);
  }
}
