package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the starter's HTTP service listens ({@code GET /healthz}, {@code POST /webhooks/servicenow}
 * when ServiceNow is configured in webhook mode, the codec server ({@code POST /codec/encode},
 * {@code /codec/decode}) when {@code http.codec} is configured) and how much any client may take of
 * it. The worker's ops port has the same limits.
 *
 * @param maxThreads the most threads that run requests (a slow client holds none while it sends)
 * @param idleTimeout how long a connection may stay silent before it is closed
 * @param maxHeaderBytes the largest request line and headers (431 above)
 * @param maxBodyBytes the largest request body of a route without a limit of its own (413 above);
 *     the webhook ({@code servicenow.webhookMaxBody}) and the codec server ({@code
 *     http.codec.maxBody}) have their own
 * @param readTimeout how long a request body may take to arrive in full (408 and closed after)
 */
public record HttpConfig(
    String bind,
    int port,
    Optional<CodecServerConfig> codec,
    int maxThreads,
    Duration idleTimeout,
    int maxHeaderBytes,
    int maxBodyBytes,
    Duration readTimeout) {
  public static final int DEFAULT_MAX_THREADS = 32;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  public static final HttpConfig DEFAULTS = new HttpConfig("127.0.0.1", 8080, Optional.empty());

  public HttpConfig {
    requireNonNull(bind, "bind is null");
    requireNonNull(codec, "codec is null");
    requireNonNull(idleTimeout, "idleTimeout is null");
    requireNonNull(readTimeout, "readTimeout is null");
  }

  /** With the default limits. */
  public HttpConfig(String bind, int port, Optional<CodecServerConfig> codec) {
    this(
        bind,
        port,
        codec,
        DEFAULT_MAX_THREADS,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_READ_TIMEOUT);
  }

  /** Without a codec server, with the default limits. */
  public HttpConfig(String bind, int port) {
    this(bind, port, Optional.empty());
  }
}
