package dev.roster.sandbox;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What every fake's options builder has: the port to listen on (0, the default, picks a free one)
 * and the clock that stamps requests and drives the fake's time (the system clock by default).
 *
 * @param <B> the fake's own builder, so setters chain
 */
public abstract class FakeOptionsBuilder<B extends FakeOptionsBuilder<B>> {
  protected int port;
  protected Supplier<Instant> clock = Instant::now;

  protected FakeOptionsBuilder() {}

  public B port(int port) {
    this.port = port;
    return self();
  }

  public B clock(Supplier<Instant> clock) {
    this.clock = clock;
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
