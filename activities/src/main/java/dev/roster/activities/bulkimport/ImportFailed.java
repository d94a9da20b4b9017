package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

/**
 * A whole import cannot go on: the source is missing, too large or changed, or the file itself is
 * unusable (no email column). Row-level problems are never thrown; they are {@link RowFailure}s.
 * Messages name the source with {@link ImportSource#describe()} and never contain row data.
 */
public final class ImportFailed extends RuntimeException {

  /** What went wrong; the activity layer turns it into an {@code ApplicationFailure} type. */
  public enum Kind {
    /** The file, URL or attachment does not exist (404/410, no such file). */
    SOURCE_NOT_FOUND(false),
    /** The source refused access (401/403, unreadable file, path outside the allowed roots). */
    SOURCE_ACCESS_DENIED(false),
    /** The source is larger than the configured limit (bytes or rows). */
    SOURCE_TOO_LARGE(false),
    /** A transient failure (I/O error, timeout, 5xx, 429): trying again may succeed. */
    SOURCE_UNAVAILABLE(true),
    /** The source changed since the import was planned; resuming would lose or repeat rows. */
    SOURCE_CHANGED(false),
    /** The reference itself is unusable (scheme not allowed, unsupported source kind). */
    INVALID_SOURCE(false),
    /** A file source is a directory (or a device, pipe or socket), not a file. */
    NOT_A_FILE(false),
    /** The source holds binary bytes (or UTF-16 text), not a UTF-8 CSV. */
    NOT_TEXT(false),
    /** This worker takes no imports: {@code imports.store} is not configured or imports are off. */
    IMPORTS_DISABLED(false),
    /** The header is unusable: no email column, a column twice, or refused unknown columns. */
    BAD_HEADER(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Kind kind;
  private final String reason;

  public ImportFailed(Kind kind, String message) {
    this(kind, message, null);
  }

  public ImportFailed(Kind kind, String message, Throwable cause) {
    super(requireNonNull(kind, "kind is null") + ": " + message, cause);
    this.kind = kind;
    this.reason = message;
  }

  public Kind kind() {
    return kind;
  }

  /** The message without the kind, for a person (the CLI prints it as a usage error). */
  public String reason() {
    return reason;
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return kind.retryable;
  }
}
