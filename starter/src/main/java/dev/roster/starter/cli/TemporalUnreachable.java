package dev.roster.starter.cli;

/**
 * Temporal did not answer. The command line's error handler turns it into one line naming the
 * address tried and where that address came from ({@link TemporalClientOptions#unreachable}).
 */
final class TemporalUnreachable extends RuntimeException {
  private final String code;

  TemporalUnreachable(String code, Throwable cause) {
    super("cannot reach Temporal (" + code + ")", cause, false, false);
    this.code = code;
  }

  /** The gRPC status code, e.g. UNAVAILABLE. */
  String code() {
    return code;
  }
}
