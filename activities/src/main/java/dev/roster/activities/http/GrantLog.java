package dev.roster.activities.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The permits a {@link RateBudget} granted, oldest first, as a ring buffer: grants are appended,
 * old ones dropped from the front, and a grant moved later when its request is written ({@link
 * #move}) is re-inserted in order. Not thread-safe: the budget guards it.
 */
final class GrantLog {
  private Instant[] ring = new Instant[16];
  private int start;
  private int size;

  int size() {
    return size;
  }

  Instant get(int index) {
    return ring[(start + index) % ring.length];
  }

  /** Drops grants that can no longer constrain: older than the longest window, or beyond keep. */
  void trim(Instant now, Duration longestWindow, int keep) {
    Instant horizon = now.minus(longestWindow);
    while (size > 0 && (size > keep || !get(0).isAfter(horizon))) {
      ring[start] = null;
      start = (start + 1) % ring.length;
      size--;
    }
  }

  /** Inserts a grant in time order (usually at the end). */
  void add(Instant at) {
    if (size == ring.length) {
      grow();
    }
    int i = size;
    while (i > 0 && get(i - 1).isAfter(at)) {
      set(i, get(i - 1));
      i--;
    }
    set(i, at);
    size++;
  }

  /** Moves one grant from {@code from} to {@code to}; adds it when it was already trimmed. */
  void move(Instant from, Instant to) {
    for (int i = size - 1; i >= 0; i--) {
      if (get(i).equals(from)) {
        for (int j = i; j < size - 1; j++) {
          set(j, get(j + 1));
        }
        size--;
        set(size, null);
        break;
      }
    }
    add(to);
  }

  /**
   * When the grant {@code position} places after the current ones (0 = the next) may be taken,
   * given every limit and that all grants before it are taken as early as the limits allow: the
   * j-th future grant waits until the grant {@code permits} before it has left the window.
   */
  Instant nextGrant(List<RateBudget.Limit> limits, Instant now, int position) {
    Instant[] future = new Instant[position + 1];
    Instant previous = size == 0 || get(size - 1).isBefore(now) ? now : get(size - 1);
    for (int j = 0; j <= position; j++) {
      Instant at = previous;
      for (RateBudget.Limit limit : limits) {
        int index = size + j - limit.permits();
        if (index < 0) {
          continue;
        }
        Instant base = index < size ? get(index) : future[index - size];
        Instant frees = base.plus(limit.window());
        if (frees.isAfter(at)) {
          at = frees;
        }
      }
      future[j] = at;
      previous = at;
    }
    return future[position];
  }

  private void set(int index, Instant value) {
    ring[(start + index) % ring.length] = value;
  }

  private void grow() {
    Instant[] bigger = new Instant[ring.length * 2];
    for (int i = 0; i < size; i++) {
      bigger[i] = get(i);
    }
    ring = bigger;
    start = 0;
  }
}
