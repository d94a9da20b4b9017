package dev.roster.starter.http;

import dev.roster.starter.servicenow.WebhookRejection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's body before its route runs, holding no thread while the client sends: Jetty
 * calls back when bytes arrive. Keeps at most the route's limit; reads and drops up to {@value
 * #DRAIN_LIMIT} bytes more so that a 413 still reaches the sender; gives up when the whole body has
 * not arrived within the read timeout (a client trickling bytes keeps the connection from idling
 * out, not from this).
 */
final class BodyReader implements Runnable {
  /** How much of a refused body is read and dropped so that the answer arrives (1 MiB). */
  static final int DRAIN_LIMIT = 1024 * 1024;

  /** The body, or why it is refused. */
  record Body(byte[] bytes, WebhookRejection refusal) {}

  private final Request request;
  private final int limit;
  private final long timeoutMillis;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<Body> done = new CompletableFuture<>();
  private long seen;

  private BodyReader(Request request, int limit, Duration timeout) {
    this.request = request;
    this.limit = limit;
    this.timeoutMillis = timeout.toMillis();
  }

  /** Starts reading; the future completes once, on a Jetty or scheduler thread. */
  static CompletableFuture<Body> read(
      Request request, int limit, Duration timeout, Scheduler scheduler) {
    BodyReader reader = new BodyReader(request, limit, timeout);
    if (request.getLength() > (long) limit + DRAIN_LIMIT) {
      return CompletableFuture.completedFuture(reader.refused(WebhookRejection.tooLarge(limit)));
    }
    Scheduler.Task deadline =
        scheduler.schedule(
            () ->
                reader.done.complete(
                    reader.refused(WebhookRejection.tooSlow(reader.timeoutMillis))),
            reader.timeoutMillis,
            TimeUnit.MILLISECONDS);
    reader.done.whenComplete((body, failure) -> deadline.cancel());
    reader.run();
    return reader.done;
  }

  /** Reads what has arrived; asks to be called again when more does. */
  @Override
  public void run() {
    while (!done.isDone()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        done.complete(
            refused(
                chunk.getFailure() instanceof TimeoutException
                    ? WebhookRejection.tooSlow(timeoutMillis)
                    : new WebhookRejection(
                        WebhookRejection.Kind.MALFORMED, "body: the connection failed mid-body")));
        return;
      }
      keep(chunk.getByteBuffer());
      boolean last = chunk.isLast();
      chunk.release();
      if (seen > (long) limit + DRAIN_LIMIT) {
        done.complete(refused(WebhookRejection.tooLarge(limit)));
      } else if (last) {
        done.complete(
            seen > limit
                ? refused(WebhookRejection.tooLarge(limit))
                : new Body(kept.toByteArray(), null));
      }
    }
  }

  private void keep(ByteBuffer bytes) {
    int n = bytes.remaining();
    if (seen + n <= limit) {
      byte[] copy = new byte[n];
      bytes.get(copy);
      kept.write(copy, 0, n);
    }
    seen += n;
  }

  private Body refused(WebhookRejection why) {
    return new Body(null, why);
  }
}
