package dev.roster.starter.http;

import java.io.IOException;

/**
 * One endpoint of the {@link HttpService}, contributed to {@code HttpModule}'s {@code MapBinder}
 * under its context path: it gets every request whose raw path starts with that path (so it checks
 * its exact paths itself) once the request's body has arrived, and answers through the {@link
 * Exchange}. Routes see no server types, so they stay plain code to test and to move.
 */
@FunctionalInterface
public interface Route {

  /** Answers {@code exchange} (exactly once; an exception answers 500). */
  void handle(Exchange exchange) throws IOException;

  /**
   * The largest request body it takes, in bytes; 0 (the default) takes {@code http.maxBodyBytes}. A
   * larger body is not kept: {@link Exchange#body()} refuses it with 413.
   */
  default int maxBody() {
    return 0;
  }
}
