package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.CapturedLog;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.steps.StepState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * No raw email reaches the log, whoever writes it: a vendor's error that quotes the address (its
 * activity failure, logged by Temporal's worker with its stack trace) and an exception quoting a
 * CSV line without a header, logged by anyone. Read from the log as the configured pattern writes
 * it (logback-test.xml, with the same converters as the shipped logback.xml).
 */
class MaskedLogsTest {
  private static final String EMAIL = "katherine.johnson@example.com";
  private static final String CSV_LINE = "ada@example.com, Ada, Lovelace";

  @Test
  @Timeout(60)
  void aVendorErrorQuotingTheAddressIsMaskedInTheLogAndTheFailure() {
    try (CapturedLog log = new CapturedLog();
        OnboardTestbed bed = OnboardTestbed.builder().start()) {
      bed.fake
          .faults()
          .failNext(
              1,
              400,
              Map.of(),
              "{\"code\":\"invalid_parameter\",\"message\":\"" + EMAIL + " is not allowed\"}");

      OnboardResult result = bed.run("onboard-quoted", request(EMAIL, "viewer", "carol"));

      var invite = step(result.status().accounts().get(0), "invite");
      assertThat(invite.state()).isEqualTo(StepState.FAILED);
      assertThat(invite.detail()).contains("k***@example.com is not allowed").doesNotContain(EMAIL);
      assertThat(log.text()).contains("k***@example.com").doesNotContain(EMAIL);
    }
  }

  @Test
  void anExceptionQuotingACsvLineIsMaskedInItsStackTrace() {
    try (CapturedLog log = new CapturedLog()) {
      LoggerFactory.getLogger(MaskedLogsTest.class)
          .warn(
              "import planning failed",
              new IllegalStateException(
                  "wrapped", new IllegalArgumentException("line 1: " + CSV_LINE)));

      assertThat(log.configuredPattern()).contains("%maskedMsg").contains("%maskedEx");
      assertThat(log.text())
          .contains("import planning failed")
          .contains("line 1: a***@example.com, Ada, Lovelace")
          .contains("at dev.roster.worker.onboard.MaskedLogsTest")
          .doesNotContain("ada@example.com");
    }
  }
}
