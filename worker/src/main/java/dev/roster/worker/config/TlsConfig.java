package dev.roster.worker.config;

import java.nio.file.Path;

/**
 * TLS to the Temporal frontend. {@code certFile} and {@code keyFile} (both or neither) give a
 * client certificate for mTLS; {@code caFile} trusts a private CA. Null paths mean "not used".
 */
public record TlsConfig(boolean enabled, Path certFile, Path keyFile, Path caFile) {
  public static final TlsConfig DISABLED = new TlsConfig(false, null, null, null);
}
