package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

/**
 * Where the starter's HTTP service listens: {@code GET /healthz}, and {@code POST
 * /webhooks/servicenow} when ServiceNow is configured in webhook mode.
 */
public record HttpConfig(String bind, int port) {
  public static final HttpConfig DEFAULTS = new HttpConfig("127.0.0.1", 8080);

  public HttpConfig {
    requireNonNull(bind, "bind is null");
  }
}
