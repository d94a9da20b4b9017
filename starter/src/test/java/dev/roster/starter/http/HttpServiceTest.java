package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.worker.config.HttpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service's own rules, whatever the route: the smallest thread pool allowed serves, a body over
 * {@code http.maxBodyBytes} is 413 and headers over {@code http.maxHeaderBytes} 431, both as JSON;
 * an unknown path is 404, a failing route 500; a taken port names itself; close lets a request in
 * progress finish.
 */
@Timeout(30)
class HttpServiceTest {
  private static final HttpConfig SMALL =
      new HttpConfig(
          "127.0.0.1",
          0,
          Optional.empty(),
          4,
          Duration.ofSeconds(30),
          2048,
          1024,
          Duration.ofSeconds(5));

  private HttpService http;

  @BeforeEach
  void start() {
    Route echo = exchange -> exchange.send(200, "text/plain", exchange.body()); // what it was sent
    Route broken =
        exchange -> {
          throw new IllegalStateException("broken route");
        };
    http = HttpService.start(SMALL, 0, null, Map.of("/echo", echo, "/broken", broken));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void theSmallestPoolServesAndABodyWithinTheLimitArrivesWhole() throws IOException {
    byte[] body = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);

    RawHttp.Response answer = RawHttp.send(http.port(), "POST", "/echo", Map.of(), body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("x".repeat(1024));
  }

  @Test
  void aBodyOverTheLimitIs413AsJson() throws IOException {
    byte[] body = "x".repeat(1025).getBytes(StandardCharsets.UTF_8);

    RawHttp.Response answer = RawHttp.send(http.port(), "POST", "/echo", Map.of(), body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.headers()).containsEntry("content-type", "application/json");
    assertThat(answer.body()).isEqualTo("{\"errors\":[\"body: larger than 1024 bytes\"]}");
  }

  @Test
  void headersOverTheLimitAre431AsJson() throws IOException {
    RawHttp.Response answer =
        RawHttp.send(
            http.port(), "GET", "/echo", Map.of("X-Padding", "p".repeat(4096)), new byte[0]);

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.headers()).containsEntry("content-type", "application/json");
    assertThat(answer.body()).startsWith("{\"errors\":[");
  }

  @Test
  void anUnknownPathIs404AndAFailingRoute500() throws IOException {
    RawHttp.Response unknown = RawHttp.send(http.port(), "GET", "/nowhere", Map.of(), new byte[0]);
    RawHttp.Response broken = RawHttp.send(http.port(), "GET", "/broken", Map.of(), new byte[0]);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"errors\":[\"no such endpoint\"]}");
    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.body()).isEqualTo("{\"errors\":[\"internal error\"]}");
  }

  @Test
  void closeLetsARequestInProgressFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Route slow =
        exchange -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.send(200, "text/plain", "done".getBytes(StandardCharsets.UTF_8));
        };
    HttpService service = HttpService.start(SMALL, 0, null, Map.of("/slow", slow));
    int port = service.port();
    CompletableFuture<RawHttp.Response> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return RawHttp.send(port, "GET", "/slow", Map.of(), new byte[0]);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(service::close);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (accepts(port)) {
      assertThat(System.nanoTime()).as("still accepting after close").isLessThan(deadline);
      Thread.onSpinWait();
    }
    assertThat(closed).isNotDone();
    release.countDown();

    assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
    closed.get(10, TimeUnit.SECONDS);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aTakenPortIsNamed() {
    assertThatThrownBy(() -> HttpService.start("127.0.0.1", http.port(), null, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot listen on 127.0.0.1:"
                + http.port()
                + " (in use?): set http.port in the configuration or ROSTER_HTTP_PORT");
  }
}
