package dev.roster.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault injection for a fake server. Queued faults are consumed in the order they were armed, one
 * per request, before auth and routing, so a test can script "two 503s, then a dropped connection,
 * then success". Faults armed through {@link #on} wait for a request to that route and let the
 * others pass, so a test can fault the invitation a step sends without counting the reads before
 * it. Thread-safe.
 */
public final class Faults {

  /** What the server should do with the next request instead of answering normally. */
  public sealed interface Fault permits Fail, Drop, Truncate, Before {}

  /** Answer with this canned response. */
  public record Fail(FakeResponse response) implements Fault {}

  /** Close the connection without writing a response. */
  public record Drop() implements Fault {}

  /**
   * Do the work, then answer with the handler's status and only the first half of its body (a body
   * cut short with a matching Content-Length, as a broken proxy or a crash mid-write would).
   */
  public record Truncate() implements Fault {}

  /**
   * Run {@code action} (someone else changing the vendor's state: a person accepting, an admin
   * deleting), then answer normally: what happens between two calls of one step.
   */
  public record Before(Runnable action) implements Fault {}

  /** A 2xx body no vendor would send: JSON cut off mid-value. */
  public static final String UNREADABLE_BODY = "{\"data\": {\"id\": 12, \"ema";

  /** A queued fault and the route it waits for (null: any request). */
  private record Armed(Fault fault, String route) {}

  /** The queue and latency, shared by a fake's Faults and the route-bound views of it. */
  private static final class State {
    final Deque<Armed> queue = new ArrayDeque<>();
    Duration latency = Duration.ZERO;
  }

  private final State state;
  private final String route;

  public Faults() {
    this(new State(), null);
  }

  private Faults(State state, String route) {
    this.state = state;
    this.route = route;
  }

  /**
   * The same faults, armed for requests to one route only: {@code method} and the template as the
   * fake registered it, e.g. {@code on("POST", "/v3/contacts")}.
   */
  public Faults on(String method, String pathTemplate) {
    return new Faults(state, key(method, pathTemplate));
  }

  /** The next {@code n} requests fail with this status, headers and (raw) body. */
  public Faults failNext(int n, int status, Map<String, String> headers, String body) {
    Objects.requireNonNull(headers, "headers");
    return arm(n, new Fail(FakeResponse.raw(status, headers, body)));
  }

  /** The next {@code n} requests fail with this status, no extra headers and an empty body. */
  public Faults failNext(int n, int status) {
    return failNext(n, status, Map.of(), "");
  }

  /** The next {@code n} requests get their connection closed with no response at all. */
  public Faults dropNext(int n) {
    return arm(n, new Drop());
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
  public Faults truncateNext(int n) {
    return arm(n, new Truncate());
  }

  /**
   * The next matching request runs {@code action} first and is then answered normally ({@link
   * Before}); not counted as a faulted call.
   */
  public Faults beforeNext(Runnable action) {
    return arm(1, new Before(Objects.requireNonNull(action, "action")));
  }

  /** Delay added before every response (faulted or not) until {@link #reset()}. */
  public Faults latency(Duration delay) {
    synchronized (state) {
      state.latency = Objects.requireNonNull(delay, "delay");
    }
    return this;
  }

  /** Clears queued faults and latency. */
  public void reset() {
    synchronized (state) {
      state.queue.clear();
      state.latency = Duration.ZERO;
    }
  }

  /** Number of faults still queued. */
  public int pending() {
    synchronized (state) {
      return state.queue.size();
    }
  }

  private Faults arm(int n, Fault fault) {
    synchronized (state) {
      for (int i = 0; i < n; i++) {
        state.queue.addLast(new Armed(fault, route));
      }
    }
    return this;
  }

  /** The first queued fault that applies to a request to this route, taken off the queue. */
  Optional<Fault> poll(String method, String template) {
    String key = key(method, template);
    synchronized (state) {
      for (Iterator<Armed> it = state.queue.iterator(); it.hasNext(); ) {
        Armed armed = it.next();
        if (armed.route() == null || armed.route().equals(key)) {
          it.remove();
          return Optional.of(armed.fault());
        }
      }
      return Optional.empty();
    }
  }

  Duration currentLatency() {
    synchronized (state) {
      return state.latency;
    }
  }

  private static String key(String method, String template) {
    return method.toUpperCase(Locale.ROOT) + " " + template;
  }
}
