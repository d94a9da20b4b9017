package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusMappingTest {

  private static VendorException map(int status) {
    return StatusMapping.forStatus("brevo", "op", status, "req-1", "vendor says no", null);
  }

  @Test
  void tooManyRequestsIsRateLimitedWithTheVendorDelay() {
    VendorException e =
        StatusMapping.forStatus("brevo", "op", 429, "req-1", null, Duration.ofSeconds(7));
    assertThat(e).isInstanceOf(RateLimited.class);
    assertThat(((RateLimited) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(e.retryable()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void refusedCredentialsAreAuthFailed(int status) {
    assertThat(map(status)).isInstanceOf(AuthFailed.class);
    assertThat(map(status).retryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 422, 405})
  void invalidRequestsAreRejectedWithTheVendorMessage(int status) {
    VendorException e = map(status);
    assertThat(e).isInstanceOf(Rejected.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.vendorMessage()).isEqualTo("vendor says no");
    assertThat(e.getMessage()).contains("brevo", "op", "status=" + status, "req-1");
  }

  @Test
  void missingResourceIsNotFoundAndDuplicateIsConflict() {
    assertThat(map(404)).isInstanceOf(NotFound.class);
    assertThat(map(409)).isInstanceOf(Conflict.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408})
  void serverTroubleIsVendorUnavailable(int status) {
    assertThat(map(status)).isInstanceOf(VendorUnavailable.class);
    assertThat(map(status).retryable()).isTrue();
  }

  @Test
  void ioFailuresAreVendorUnavailableWithoutStatus() {
    for (IOException io :
        new IOException[] {
          new SocketTimeoutException("timeout"),
          new EOFException("unexpected end of stream"),
          new IOException("Connection reset")
        }) {
      VendorUnavailable e = StatusMapping.forIo("brevo", "op", io);
      assertThat(e.status()).isZero();
      assertThat(e.retryable()).isTrue();
      assertThat(e.getCause()).isSameAs(io);
    }
  }
}
