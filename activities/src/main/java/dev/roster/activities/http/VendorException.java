package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;

/**
 * A vendor call failed. Unchecked; {@link ActivityFailures} turns it into a Temporal failure. The
 * message names vendor, operation, status and request id, plus the vendor's own error message when
 * it sent one, with every email address in it masked (vendors quote the address they refuse); never
 * a credential or a body.
 */
public class VendorException extends RuntimeException {
  private final String vendor;
  private final String operation;
  private final int status;
  private final String requestId;
  private final boolean retryable;
  private final String vendorMessage;

  /**
   * @param status the HTTP status, or 0 when no response arrived (I/O failure, local budget)
   * @param requestId the vendor's request id header, or null
   * @param vendorMessage the vendor's error message field, or a short description; may be null
   */
  protected VendorException(
      String vendor,
      String operation,
      int status,
      String requestId,
      boolean retryable,
      String vendorMessage,
      Throwable cause) {
    super(
        describe(vendor, operation, status, requestId, retryable, Emails.maskAll(vendorMessage)),
        cause);
    this.vendor = requireNonNull(vendor, "vendor is null");
    this.operation = requireNonNull(operation, "operation is null");
    this.status = status;
    this.requestId = requestId;
    this.retryable = retryable;
    this.vendorMessage = Emails.maskAll(vendorMessage);
  }

  private static String describe(
      String vendor,
      String operation,
      int status,
      String requestId,
      boolean retryable,
      String vendorMessage) {
    StringBuilder sb = new StringBuilder();
    sb.append(vendor).append(' ').append(operation);
    // Status 0: no HTTP status to report. A refusal then comes from Roster's own checks (of the
    // request, or of what the vendor listed); anything else got no response (I/O, local budget).
    if (status != 0) {
      sb.append(" failed: status=").append(status);
    } else if (!retryable) {
      sb.append(" refused (no HTTP error from the vendor)");
    } else {
      sb.append(" failed with no HTTP status");
    }
    if (requestId != null) {
      sb.append(" requestId=").append(requestId);
    }
    if (vendorMessage != null && !vendorMessage.isBlank()) {
      sb.append(": ").append(vendorMessage);
    }
    return sb.toString();
  }

  public String vendor() {
    return vendor;
  }

  public String operation() {
    return operation;
  }

  /** HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The vendor's request id, or null. */
  public String requestId() {
    return requestId;
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The vendor's error message field (or a short local description), masked, or null. */
  public String vendorMessage() {
    return vendorMessage;
  }
}
