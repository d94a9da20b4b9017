package dev.roster.activities.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingLogInterceptorTest {
  private static final String API_KEY = "xkeysib-0123456789abcdef-SECRET";

  private HttpServer server;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RedactingLogInterceptor.class);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"email\":\"ada.lovelace+news@example.com\"}".getBytes(UTF_8);
          exchange.getResponseHeaders().add("x-sib-request-id", "req-42");
          exchange.getResponseHeaders().add("Set-Cookie", "session=COOKIE-SECRET");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(appender);
    logger.setLevel(null);
    server.stop(0);
  }

  @Test
  void logLineHasPathStatusAndRequestIdButNoKeyEmailCookieOrBody() throws Exception {
    OkHttpClient client =
        VendorHttp.newClient("brevo", List.of("x-sib-request-id", "x-request-id"));
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("http")
            .host("127.0.0.1")
            .port(server.getAddress().getPort())
            .addPathSegments("v3/contacts")
            .addPathSegment("ada.lovelace+news@example.com")
            .addQueryParameter("email", "ada.lovelace+news@example.com")
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("api-key", API_KEY)
            .header("Authorization", "Bearer " + API_KEY)
            .header("Cookie", "session=COOKIE-SECRET")
            .build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0))
        .contains("method=GET", "path=/v3/contacts/a***@example.com", "status=200")
        .contains("requestId=req-42", "durationMs=");
    assertThat(String.join("\n", lines))
        .doesNotContain(API_KEY)
        .doesNotContain("ada.lovelace")
        .doesNotContain("COOKIE-SECRET")
        .contains("api-key=[REDACTED]");
  }

  @Test
  void anyHeaderNamedLikeACredentialIsRedactedAndOthersAreKept() {
    Headers headers =
        new Headers.Builder()
            .add("X-Postbird-Key", "pb-secret")
            .add("X-Auth-Token", "tok-secret")
            .add("Set-Cookie", "sid=cookie-secret")
            .add("X-Signature", "sig-secret")
            .add("X-Request-Id", "req-7")
            .add("Content-Type", "application/json")
            .build();

    assertThat(RedactingLogInterceptor.redacted(headers))
        .doesNotContain("pb-secret", "tok-secret", "cookie-secret", "sig-secret")
        .contains("X-Postbird-Key=[REDACTED]", "X-Request-Id=req-7")
        .contains("Content-Type=application/json");
  }

  @Test
  void emailsAreMaskedToFirstLetterAndDomain() {
    assertThat(EmailMask.mask("ada@example.com")).isEqualTo("a***@example.com");
    assertThat(EmailMask.mask("@example.com")).isEqualTo("***@example.com");
    assertThat(EmailMask.mask("not-an-email")).isEqualTo("not-an-email");
    assertThat(EmailMask.mask(null)).isNull();
  }

  @Test
  void secretsPrintRedacted() {
    assertThat(new Secret(API_KEY).toString()).isEqualTo("[REDACTED]");
  }
}
