package dev.roster.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a {@link FakeHttpServer} received: counts per route, faulted requests, and a journal of the
 * last {@link #JOURNAL_SIZE} routed requests for contract tests. Thread-safe.
 */
final class FakeTraffic {
  static final int JOURNAL_SIZE = 10_000;

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger faulted = new AtomicInteger();
  private final Deque<FakeRequest> journal = new ArrayDeque<>();

  void received(String method, String template) {
    total.incrementAndGet();
    calls.computeIfAbsent(key(method, template), k -> new AtomicInteger()).incrementAndGet();
  }

  void faulted() {
    faulted.incrementAndGet();
  }

  void routed(FakeRequest request) {
    synchronized (journal) {
      if (journal.size() == JOURNAL_SIZE) {
        journal.removeFirst();
      }
      journal.addLast(request);
    }
  }

  int calls(String method, String template) {
    AtomicInteger n = calls.get(key(method, template));
    return n == null ? 0 : n.get();
  }

  int total() {
    return total.get();
  }

  int faultedCalls() {
    return faulted.get();
  }

  List<FakeRequest> requests() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  void reset() {
    synchronized (journal) {
      journal.clear();
    }
    calls.clear();
    total.set(0);
    faulted.set(0);
  }

  private static String key(String method, String template) {
    return method.toUpperCase(Locale.ROOT) + " " + template;
  }
}
