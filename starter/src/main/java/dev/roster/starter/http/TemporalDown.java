package dev.roster.starter.http;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Recognises a failure to reach Temporal in an exception's causes. */
final class TemporalDown {

  /** True when Temporal was unreachable or did not answer in time. */
  static boolean is(Throwable e) {
    return status(e) != null;
  }

  /** The gRPC status code in words, e.g. {@code UNAVAILABLE}. */
  static String describe(Throwable e) {
    Status.Code code = status(e);
    return code == null ? "unknown" : code.name();
  }

  private static Status.Code status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        Status.Code code = s.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          return code;
        }
      }
    }
    return null;
  }

  private TemporalDown() {}
}
