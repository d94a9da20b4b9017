package dev.roster.starter.http;

import static dev.roster.starter.WorkerTestbed.BREVO;
import static dev.roster.starter.http.WebhookBed.event;
import static dev.roster.starter.http.WebhookBed.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.config.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance: ten slow-trickle connections to {@code serve} do not delay a valid webhook delivery
 * (nor {@code /livez}) by more than a second, and each of them is answered 408 or closed once the
 * read timeout has passed. The JDK server it replaced ran four threads that each waited on a body:
 * four such clients stopped the whole service.
 */
@Timeout(60)
class SlowClientsTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(4);
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final int SLOW_CLIENTS = 10;
  private static final Map<String, String> ADA =
      Map.of("email", "ada@example.com", "vendor_accounts", BREVO, "role", "viewer");

  @Test
  void tenTricklingConnectionsDelayNeitherADeliveryNorTheHealthCheck() throws Exception {
    HttpConfig http =
        new HttpConfig(
            "127.0.0.1",
            0,
            Optional.empty(),
            HttpConfig.DEFAULT_MAX_THREADS,
            Duration.ofSeconds(30),
            HttpConfig.DEFAULT_MAX_HEADER_BYTES,
            HttpConfig.DEFAULT_MAX_BODY_BYTES,
            READ_TIMEOUT);
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    List<Socket> slow = new ArrayList<>();
    try (WebhookBed web = new WebhookBed(http)) {
      // Warm: the first delivery of a JVM loads classes; the bound is about slow clients.
      assertThat(web.post(ServiceNowWebhook.PATH, json(event("RITM0020000", ADA))).status())
          .isEqualTo(202);

      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket("127.0.0.1", web.port());
        socket
            .getOutputStream()
            .write(
                ("POST "
                        + ServiceNowWebhook.PATH
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        slow.add(socket);
      }
      long slowSince = System.nanoTime();
      CountDownLatch firstBytes = new CountDownLatch(1);
      trickle.scheduleAtFixedRate(
          () -> {
            for (Socket socket : slow) {
              try {
                OutputStream out = socket.getOutputStream();
                out.write('{');
                out.flush();
              } catch (IOException e) {
                // The server closed it: what the test waits for below.
              }
            }
            firstBytes.countDown();
          },
          0,
          2,
          TimeUnit.SECONDS);
      assertThat(firstBytes.await(10, TimeUnit.SECONDS)).isTrue();

      long started = System.nanoTime();
      RawHttp.Response delivered =
          web.post(ServiceNowWebhook.PATH, json(event("RITM0020001", ADA)));
      Duration delivery = Duration.ofNanos(System.nanoTime() - started);
      started = System.nanoTime();
      RawHttp.Response live =
          RawHttp.send(web.port(), "GET", OpsRoutes.LIVEZ, Map.of(), new byte[0]);
      Duration livez = Duration.ofNanos(System.nanoTime() - started);

      assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
      assertThat(delivery).isLessThan(BOUND);
      assertThat(live.status()).isEqualTo(200);
      assertThat(livez).isLessThan(BOUND);

      // Each slow client is refused (408) or dropped once the read timeout has passed.
      long deadline = slowSince + READ_TIMEOUT.plusSeconds(3).toNanos();
      for (Socket socket : slow) {
        String answer = readUntilClosed(socket, deadline);
        assertThat(answer)
            .satisfiesAnyOf(
                a -> assertThat(a).isEmpty(),
                a ->
                    assertThat(a)
                        .startsWith("HTTP/1.1 408")
                        .contains(
                            "body: not received in full within "
                                + READ_TIMEOUT.toMillis()
                                + " ms"));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - slowSince))
          .isGreaterThanOrEqualTo(READ_TIMEOUT);
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** Everything the server sends until it closes the connection, which must be before deadline. */
  private static String readUntilClosed(Socket socket, long deadline) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("a slow client was neither answered nor closed in time");
      }
      socket.setSoTimeout((int) left);
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("a slow client was neither answered nor closed in time", e);
      } catch (IOException e) {
        return all.toString(StandardCharsets.UTF_8); // reset by the server: closed
      }
      if (n < 0) {
        return all.toString(StandardCharsets.UTF_8);
      }
      all.write(buffer, 0, n);
    }
  }
}
