package dev.roster.activities.http;

/**
 * HTTP 400/422 (or a local validation): the vendor refused the request as invalid. Not retryable.
 */
public final class Rejected extends VendorException {
  public Rejected(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Throwable cause) {
    super(vendor, operation, status, requestId, false, vendorMessage, cause);
  }

  public Rejected(
      String vendor, String operation, int status, String requestId, String vendorMessage) {
    this(vendor, operation, status, requestId, vendorMessage, null);
  }
}
