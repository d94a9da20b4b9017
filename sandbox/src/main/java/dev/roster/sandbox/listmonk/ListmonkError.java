package dev.roster.sandbox.listmonk;

/** Thrown by handlers to answer with listmonk's (Echo's) {@code {"message":…}} error body. */
final class ListmonkError extends RuntimeException {
  final int status;

  ListmonkError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ListmonkError invalid(String message) {
    return new ListmonkError(400, message);
  }

  static ListmonkError forbidden(String permission) {
    return new ListmonkError(403, "permission denied: " + permission);
  }
}
