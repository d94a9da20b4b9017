package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http.codec}: the codec server for the Temporal Web UI and the {@code temporal} CLI.
 *
 * @param origins the Web UI origins (scheme://host[:port]) whose browsers may call it (CORS)
 * @param tokens the bearer tokens it accepts, by name, as references
 * @param maxBody the largest request body it reads, in bytes
 */
public record CodecServerConfig(List<String> origins, Map<String, SecretRef> tokens, int maxBody) {
  public static final int DEFAULT_MAX_BODY = 4 * 1024 * 1024;

  public CodecServerConfig {
    origins = List.copyOf(origins);
    tokens = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tokens, "tokens")));
  }
}
