package dev.roster.sandbox.servicenow;

/** A handler's way out with ServiceNow's error envelope; the fake turns it into the response. */
final class ServiceNowError extends RuntimeException {
  final int status;
  final String detail;

  ServiceNowError(int status, String message, String detail) {
    super(message);
    this.status = status;
    this.detail = detail;
  }

  static ServiceNowError badRequest(String detail) {
    return new ServiceNowError(400, "Invalid request", detail);
  }

  /** What a real instance says for a missing record and for one an ACL hides alike. */
  static ServiceNowError notFound() {
    return new ServiceNowError(
        404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
  }
}
