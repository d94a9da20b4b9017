package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How URL sources are downloaded.
 *
 * @param maxBytes the largest source accepted, checked against Content-Length and while reading
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout the longest silence while reading the body
 * @param callTimeout the whole request, body included (a chunk reads a part of the file; the first
 *     planning pass reads all of it)
 * @param allowPlainHttp whether {@code http://} URLs are accepted (sandboxes only)
 */
public record HttpsSourceConfig(
    long maxBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    boolean allowPlainHttp) {

  public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

  public HttpsSourceConfig {
    requireNonNull(connectTimeout, "connectTimeout is null");
    requireNonNull(readTimeout, "readTimeout is null");
    requireNonNull(callTimeout, "callTimeout is null");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("import.https.maxBytes must be positive: " + maxBytes);
    }
  }

  /** 200 MB, 10 s connect, 30 s read, 10 min per request, https only. */
  public static HttpsSourceConfig defaults() {
    return new HttpsSourceConfig(
        DEFAULT_MAX_BYTES,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        false);
  }

  public HttpsSourceConfig withMaxBytes(long bytes) {
    return new HttpsSourceConfig(bytes, connectTimeout, readTimeout, callTimeout, allowPlainHttp);
  }

  public HttpsSourceConfig withPlainHttpAllowed(boolean allowed) {
    return new HttpsSourceConfig(maxBytes, connectTimeout, readTimeout, callTimeout, allowed);
  }
}
