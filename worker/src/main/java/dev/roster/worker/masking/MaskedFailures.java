package dev.roster.worker.masking;

import dev.roster.workflows.request.Emails;
import io.temporal.failure.ApplicationFailure;

/**
 * What an activity throws, with every email address masked ({@link Emails#maskAll}) in its message
 * and in each cause's, before Temporal records it in the workflow's history and the worker logs it.
 * An {@link ApplicationFailure} keeps its type, retryability, delay, category and details; any
 * other exception becomes the failure Temporal would have made of it (type = its class name,
 * retryable). Stack frames are kept as they were; they hold no message.
 */
public final class MaskedFailures {
  private static final int MAX_DEPTH = 20;

  /** The throwable itself when nothing in its chain holds an address, else a masked copy. */
  public static RuntimeException mask(RuntimeException thrown) {
    return holdsAddress(thrown, 0) ? copy(thrown, 0) : thrown;
  }

  private static boolean holdsAddress(Throwable t, int depth) {
    if (t == null || depth > MAX_DEPTH) {
      return false;
    }
    String message = message(t);
    return (message != null && !message.equals(Emails.maskAll(message)))
        || holdsAddress(t.getCause(), depth + 1);
  }

  private static ApplicationFailure copy(Throwable t, int depth) {
    Throwable cause =
        t.getCause() == null || depth >= MAX_DEPTH ? null : copy(t.getCause(), depth + 1);
    ApplicationFailure.Builder masked =
        t instanceof ApplicationFailure failure
            ? ApplicationFailure.newBuilder(failure)
            : ApplicationFailure.newBuilder().setType(t.getClass().getName());
    ApplicationFailure copy = masked.setMessage(Emails.maskAll(message(t))).setCause(cause).build();
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** The message as written, without the type prefix Temporal's failures add to it. */
  private static String message(Throwable t) {
    return t instanceof ApplicationFailure failure ? failure.getOriginalMessage() : t.getMessage();
  }

  private MaskedFailures() {}
}
