package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.CapturedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The logback.xml the roster jar ships (starter's main resources, the one its tests run with) masks
 * addresses in messages and in exceptions, through the converters that live in the worker module.
 */
class ShippedLogbackTest {

  @Test
  void messagesAndStackTracesAreMaskedByTheShippedPattern() {
    try (CapturedLog log = new CapturedLog()) {
      LoggerFactory.getLogger(ShippedLogbackTest.class)
          .error(
              "refused grace@example.org",
              new IllegalStateException("line 1: ada@example.com, Ada, Lovelace"));

      assertThat(log.configuredPattern()).contains("%maskedMsg").contains("%maskedEx");
      assertThat(log.text())
          .contains("refused g***@example.org")
          .contains("line 1: a***@example.com, Ada, Lovelace")
          .doesNotContain("grace@example.org")
          .doesNotContain("ada@example.com");
    }
  }
}
