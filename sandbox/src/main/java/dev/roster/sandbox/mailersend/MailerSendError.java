package dev.roster.sandbox.mailersend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by handlers to answer with MailerSend's error body: {@code {"message"}} and, for 422, the
 * Laravel {@code errors} map of field to messages (vendors.md §2).
 */
final class MailerSendError extends RuntimeException {
  /** Laravel's summary line for a validation failure. */
  static final String INVALID = "The given data was invalid.";

  final int status;
  final Map<String, List<String>> errors;

  MailerSendError(int status, String message, Map<String, List<String>> errors) {
    super(message, null, false, false);
    this.status = status;
    this.errors = errors;
  }

  static MailerSendError notFound() {
    // The wording of the official Python SDK's recorded 404s (recipients_get_single.yaml).
    return new MailerSendError(404, "Resource not found.", null);
  }

  static MailerSendError forbidden(String message) {
    return new MailerSendError(403, message, null);
  }

  /** A 422 for one field. */
  static MailerSendError invalid(String field, String message) {
    return invalid(Map.of(field, List.of(message)));
  }

  /** A 422 for several fields; an empty map means the request was valid. */
  static MailerSendError invalid(Map<String, List<String>> errors) {
    return new MailerSendError(422, INVALID, new LinkedHashMap<>(errors));
  }
}
