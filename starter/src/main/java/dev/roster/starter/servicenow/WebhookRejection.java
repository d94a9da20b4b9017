package dev.roster.starter.servicenow;

import java.util.List;

/**
 * A webhook delivery Roster refuses. The kind maps to the HTTP answer; the errors are safe to send
 * back (they name fields and rules, never values or secrets).
 */
public final class WebhookRejection extends RuntimeException {

  /** Why, and the status the HTTP layer answers with. */
  public enum Kind {
    /** Missing, wrong or stale credentials. */
    UNAUTHENTICATED(401),
    /** The body is larger than the configured limit. */
    TOO_LARGE(413),
    /** The body did not arrive in full within the read timeout. */
    TOO_SLOW(408),
    /** The body is not JSON at all. */
    MALFORMED(400),
    /** JSON that breaks the event schema or the variable mapping. */
    INVALID(400);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final List<String> errors;

  public WebhookRejection(Kind kind, List<String> errors) {
    super(kind + ": " + String.join("; ", errors));
    this.kind = kind;
    this.errors = List.copyOf(errors);
  }

  public WebhookRejection(Kind kind, String error) {
    this(kind, List.of(error));
  }

  /** The body is larger than {@code maxBytes}. */
  public static WebhookRejection tooLarge(int maxBytes) {
    return new WebhookRejection(Kind.TOO_LARGE, "body: larger than " + maxBytes + " bytes");
  }

  /** The body did not arrive in full within {@code millis}. */
  public static WebhookRejection tooSlow(long millis) {
    return new WebhookRejection(
        Kind.TOO_SLOW, "body: not received in full within " + millis + " ms; send it faster");
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status to answer with: 401, 413, 408 or 400. */
  public int httpStatus() {
    return kind.status();
  }

  /**
   * One message per problem, each starting with the field it is about, e.g. {@code sys_id: ...}.
   */
  public List<String> errors() {
    return errors;
  }
}
