package dev.roster.worker.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** Binds {@code http}: where the HTTP service listens and what a client may take of it. */
final class HttpBinder {
  private static final String AT = "http";

  private final ConfigReader in;

  HttpBinder(ConfigReader in) {
    this.in = in;
  }

  HttpConfig bind(ObjectNode node) {
    HttpConfig d = HttpConfig.DEFAULTS;
    String bind = in.text(node, AT, "bind", d.bind()).strip();
    if (bind.isEmpty()) {
      in.problem("http.bind", "expected a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0");
      bind = d.bind();
    }
    return new HttpConfig(
        bind,
        // 0 asks the OS for any free port (tests).
        in.integer(node, AT, "port", d.port(), 0, 65535),
        new CodecServerBinder(in).bind(node),
        // Below 4 the server has too few threads left to accept and select.
        in.integer(node, AT, "maxThreads", d.maxThreads(), 4, 1000),
        bounded(node, "idleTimeout", d.idleTimeout()),
        in.integer(node, AT, "maxHeaderBytes", d.maxHeaderBytes(), 1024, 1024 * 1024),
        in.integer(node, AT, "maxBodyBytes", d.maxBodyBytes(), 1024, 64 * 1024 * 1024),
        bounded(node, "readTimeout", d.readTimeout()));
  }

  /** A positive duration of at most an hour: longer only keeps a stuck client's connection. */
  private Duration bounded(ObjectNode node, String key, Duration fallback) {
    Duration value = in.duration(node, AT, key, fallback);
    if (value.compareTo(Duration.ofHours(1)) > 0) {
      in.problem(AT + "." + key, "expected at most 1h, got " + node.get(key).asText());
      return fallback;
    }
    return value;
  }
}
