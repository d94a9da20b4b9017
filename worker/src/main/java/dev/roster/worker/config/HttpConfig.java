package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the starter's HTTP service listens: {@code GET /healthz}, {@code POST /webhooks/servicenow}
 * when ServiceNow is configured in webhook mode, and the codec server ({@code POST /codec/encode},
 * {@code /codec/decode}) when {@code http.codec} is configured.
 */
public record HttpConfig(String bind, int port, Optional<CodecServerConfig> codec) {
  public static final HttpConfig DEFAULTS = new HttpConfig("127.0.0.1", 8080, Optional.empty());

  public HttpConfig {
    requireNonNull(bind, "bind is null");
    requireNonNull(codec, "codec is null");
  }

  /** Without a codec server. */
  public HttpConfig(String bind, int port) {
    this(bind, port, Optional.empty());
  }
}
