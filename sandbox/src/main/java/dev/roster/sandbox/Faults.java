package dev.roster.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault injection for a fake server. Queued faults are consumed in the order they were armed, one
 * per request, before auth and routing, so a test can script "two 503s, then a dropped connection,
 * then success". Thread-safe.
 */
public final class Faults {

  /** What the server should do with the next request instead of answering normally. */
  public sealed interface Fault permits Fail, Drop, Truncate {}

  /** Answer with this canned response. */
  public record Fail(FakeResponse response) implements Fault {}

  /** Close the connection without writing a response. */
  public record Drop() implements Fault {}

  /**
   * Do the work, then answer with the handler's status and only the first half of its body (a body
   * cut short with a matching Content-Length, as a broken proxy or a crash mid-write would).
   */
  public record Truncate() implements Fault {}

  /** A 2xx body no vendor would send: JSON cut off mid-value. */
  public static final String UNREADABLE_BODY = "{\"data\": {\"id\": 12, \"ema";

  private final Deque<Fault> queue = new ArrayDeque<>();
  private Duration latency = Duration.ZERO;

  /** The next {@code n} requests fail with this status, headers and (raw) body. */
  public synchronized Faults failNext(int n, int status, Map<String, String> headers, String body) {
    Objects.requireNonNull(headers, "headers");
    FakeResponse response = FakeResponse.raw(status, headers, body);
    for (int i = 0; i < n; i++) {
      queue.addLast(new Fail(response));
    }
    return this;
  }

  /** The next {@code n} requests fail with this status, no extra headers and an empty body. */
  public Faults failNext(int n, int status) {
    return failNext(n, status, Map.of(), "");
  }

  /** The next {@code n} requests get their connection closed with no response at all. */
  public synchronized Faults dropNext(int n) {
    for (int i = 0; i < n; i++) {
      queue.addLast(new Drop());
    }
    return this;
  }

  /**
   * The next {@code n} requests get {@code status} (a 2xx) with a body cut off mid-JSON, without
   * the fake doing any work: what a client must not mistake for success.
   */
  public Faults unreadableNext(int n, int status) {
    return failNext(n, status, Map.of("Content-Type", "application/json"), UNREADABLE_BODY);
  }

  /**
   * The next {@code n} requests are handled, then answered with half their body ({@link Truncate}).
   */
  public synchronized Faults truncateNext(int n) {
    for (int i = 0; i < n; i++) {
      queue.addLast(new Truncate());
    }
    return this;
  }

  /** Delay added before every response (faulted or not) until {@link #reset()}. */
  public synchronized Faults latency(Duration delay) {
    this.latency = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** Clears queued faults and latency. */
  public synchronized void reset() {
    queue.clear();
    latency = Duration.ZERO;
  }

  /** Number of faults still queued. */
  public synchronized int pending() {
    return queue.size();
  }

  synchronized Optional<Fault> poll() {
    return Optional.ofNullable(queue.pollFirst());
  }

  synchronized Duration currentLatency() {
    return latency;
  }
}
