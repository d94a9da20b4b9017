package dev.roster.sandbox.brevo;

import java.util.Map;

/** Thrown by handlers to answer with Brevo's {@code {"code","message"[,"metadata"]}} envelope. */
final class BrevoError extends RuntimeException {
  final int status;
  final String code;
  final Map<String, Object> metadata;

  BrevoError(int status, String code, String message) {
    this(status, code, message, null);
  }

  BrevoError(int status, String code, String message, Map<String, Object> metadata) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.metadata = metadata;
  }

  static BrevoError invalid(String message) {
    return new BrevoError(400, "invalid_parameter", message);
  }

  static BrevoError notFound(String message) {
    return new BrevoError(404, "document_not_found", message);
  }

  static BrevoError forbidden(String message) {
    return new BrevoError(403, "permission_denied", message);
  }
}
