package dev.roster.activities.http;

/** HTTP 401/403: the credentials were refused. Not retryable. */
public final class AuthFailed extends VendorException {
  public AuthFailed(
      String vendor,
      String operation,
      int status,
      String requestId,
      String vendorMessage,
      Throwable cause) {
    super(vendor, operation, status, requestId, false, vendorMessage, cause);
  }

  public AuthFailed(
      String vendor, String operation, int status, String requestId, String vendorMessage) {
    this(vendor, operation, status, requestId, vendorMessage, null);
  }
}
