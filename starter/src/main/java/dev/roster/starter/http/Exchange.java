package dev.roster.starter.http;

import dev.roster.starter.servicenow.WebhookRejection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request to a {@link Route} and its answer: the request line and headers as sent, the body the
 * service has already read (within the route's limit and the read timeout), and one response.
 */
public final class Exchange {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final BodyReader.Body body;
  private final AtomicBoolean answered = new AtomicBoolean();

  Exchange(Request request, Response response, Callback callback, BodyReader.Body body) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.body = body;
  }

  public String method() {
    return request.getMethod();
  }

  /** The request's path as sent (not decoded, not normalised). */
  public String rawPath() {
    return request.getHttpURI().getPath();
  }

  /** The query as sent, or null when there is none (an empty query after {@code ?} is ""). */
  public String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  /** The first value of request header {@code name}, or null. */
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Every value of request header {@code name}; empty when absent. */
  public List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  /** Sets response header {@code name}; before {@link #send}. */
  public void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /**
   * The request body.
   *
   * @throws WebhookRejection TOO_LARGE above the route's limit, TOO_SLOW when it did not arrive in
   *     full within the read timeout (the connection closes after the answer)
   */
  public byte[] body() {
    if (body.refusal() != null) {
      throw body.refusal();
    }
    return body.bytes();
  }

  /** Answers {@code status} with {@code bytes} as {@code contentType}. */
  public void send(int status, String contentType, byte[] bytes) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    answer(status, ByteBuffer.wrap(bytes));
  }

  /** Answers {@code status} without a body (204). */
  public void sendEmpty(int status) {
    answer(status, ByteBuffer.allocate(0));
  }

  boolean answered() {
    return answered.get();
  }

  private void answer(int status, ByteBuffer bytes) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("answered twice");
    }
    if (body.refusal() != null) {
      // What is left of the body is not read: the connection cannot carry another request.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.setStatus(status);
    response.write(true, bytes, callback);
  }
}
