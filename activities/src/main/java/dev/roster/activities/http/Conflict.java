package dev.roster.activities.http;

/** HTTP 409: the resource already exists or changed concurrently. Not retryable as is. */
public final class Conflict extends VendorException {
  public Conflict(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Throwable cause) {
    super(vendor, operation, status, requestId, false, vendorMessage, cause);
  }

  public Conflict(
      String vendor, String operation, int status, String requestId, String vendorMessage) {
    this(vendor, operation, status, requestId, vendorMessage, null);
  }
}
