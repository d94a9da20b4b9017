package dev.roster.sandbox.mailjet;

/** Thrown by handlers to answer with Mailjet's {@code {ErrorInfo,ErrorMessage,StatusCode}} body. */
final class MailjetError extends RuntimeException {
  final int status;

  MailjetError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static MailjetError invalid(String message) {
    return new MailjetError(400, message);
  }

  /** vendors.md §1: the 404 body quoted in several client tests. */
  static MailjetError notFound() {
    return new MailjetError(404, "Object not found");
  }

  /**
   * vendors.md §1, mailjet-apiv3-php#239: {@code MJ18 A Contact resource with value "x" for Email
   * already exists.}
   */
  static MailjetError duplicate(String resource, String value, String field) {
    return invalid(
        "MJ18 A "
            + resource
            + " resource with value \""
            + value
            + "\" for "
            + field
            + " already exists.");
  }
}
