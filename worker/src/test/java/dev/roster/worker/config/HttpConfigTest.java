package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code http:}'s limits: defaults, values taken, bad values named by key. */
class HttpConfigTest {

  @Test
  void limitsDefaultAndAreTakenFromTheFileAndTheEnvironment() {
    HttpConfig defaults = ConfigLoader.parse("accounts: {}", "t", Map.of()).http();
    HttpConfig tuned =
        ConfigLoader.parse(
                "http: {maxThreads: 8, idleTimeout: 5s, maxHeaderBytes: 4096,"
                    + " maxBodyBytes: 2048, readTimeout: 2s}",
                "t",
                Map.of("ROSTER__HTTP__READTIMEOUT", "3s"))
            .http();

    assertThat(defaults.maxThreads()).isEqualTo(32);
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxHeaderBytes()).isEqualTo(8192);
    assertThat(defaults.maxBodyBytes()).isEqualTo(65536);
    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(tuned)
        .isEqualTo(
            new HttpConfig(
                "127.0.0.1",
                8080,
                java.util.Optional.empty(),
                8,
                Duration.ofSeconds(5),
                4096,
                2048,
                Duration.ofSeconds(3)));
  }

  @Test
  void badLimitsAreNamedByKey() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "http: {maxThreads: 2, idleTimeout: soon, maxHeaderBytes: 10,"
                        + " maxBodyBytes: -1, readTimeout: 2h, maxBody: 5}",
                    "roster.yaml",
                    Map.of()));

    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "http.maxThreads: expected an integer from 4 to 1000, got 2",
            "http.idleTimeout: expected " + Durations.FORMS + ", got \"soon\"",
            "http.maxHeaderBytes: expected an integer from 1024 to 1048576, got 10",
            "http.maxBodyBytes: expected an integer from 1024 to 67108864, got -1",
            "http.readTimeout: expected at most 1h, got 2h",
            "http.maxBody: unknown key (expected one of: bind, port, codec, maxThreads,"
                + " idleTimeout, maxHeaderBytes, maxBodyBytes, readTimeout)");
  }
}
