package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roster.activities.brevo.BrevoClient;
import dev.roster.sandbox.brevo.FakeBrevo;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Pooled connections a server closed while they sat idle. The fake closes idle keep-alive
 * connections after a second: short, so the real idle time these tests must let pass stays about a
 * second (the pool's and the server's timers run on the real clock), and each test awaits the
 * server's or the pool's close instead of sleeping a fixed time.
 */
class StaleConnectionTest {
  private static final String ADA = "ada@example.com";
  private static final Duration SERVER_IDLE = Duration.ofSeconds(1);
  private static final String LISTING = "/v3/organization/invited/users";

  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private FakeBrevo fake;

  @BeforeEach
  void start() {
    fake = FakeBrevo.start();
    warnings.start();
    root.addAppender(warnings);
  }

  @AfterEach
  void stop() {
    root.detachAppender(warnings);
    fake.close();
  }

  @Test
  void aReadAfterTheServerClosedTheIdleConnectionSucceedsTheFirstTime() {
    fake.closeIdleConnectionsAfter(SERVER_IDLE);
    BrevoClient client = client(VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    assertThat(client.organization().listInvitedUsers()).isNotEmpty();
    Eventually.until(
        Duration.ofSeconds(10),
        "the server closes the idle connection",
        () -> {
          return fake.idleClosedConnections() == 1;
        });

    // The pool (4 s keep-alive) still holds the connection the server closed a moment ago.
    assertThat(client.organization().listInvitedUsers()).isNotEmpty();

    assertThat(fake.calls("GET", LISTING)).isEqualTo(2);
    assertThat(fake.acceptedConnections()).isEqualTo(2);
    assertThat(warningsAndErrors()).isEmpty();
  }

  @Test
  void idleConnectionsLeaveThePoolBeforeAServerWouldCloseThem() {
    // Roster's keep-alive is shorter than the shortest idle timeout servers commonly use (5 s).
    assertThat(VendorHttp.IDLE_KEEP_ALIVE).isLessThan(Duration.ofSeconds(5));
    fake.closeIdleConnectionsAfter(SERVER_IDLE.multipliedBy(3));
    OkHttpClient http =
        VendorHttp.newClient(
            "brevo",
            BrevoClient.REQUEST_ID_HEADERS,
            VendorHttp.Timeouts.DEFAULT,
            SERVER_IDLE.dividedBy(4));
    BrevoClient client = client(http);
    client.organization().listInvitedUsers();
    Eventually.until(
        Duration.ofSeconds(10),
        "the pool drops the idle connection",
        () -> {
          return http.connectionPool().connectionCount() == 0;
        });

    client.organization().listInvitedUsers();

    assertThat(fake.idleClosedConnections()).isZero();
    assertThat(fake.acceptedConnections()).isEqualTo(2);
  }

  @Test
  void aPostTheServerMayHaveReadIsNotSentAgainByTheTransport() {
    BrevoClient client = client(VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    client.organization().listInvitedUsers();
    // The server reads the invitation on the pooled connection, then drops it unanswered: the
    // vendor may have acted, so only the step (which looks before it invites) may send it again.
    fake.faults().dropNext(1);

    VendorUnavailable e =
        catchThrowableOfType(
            VendorUnavailable.class,
            () -> client.organization().sendInvitation(ADA, true, List.of()));

    assertThat(e.status()).isZero();
    assertThat(fake.calls("POST", "/v3/organization/user/invitation/send")).isEqualTo(1);
  }

  @Test
  void aReadDroppedOnAPooledConnectionIsSentOnceMoreOnly() {
    BrevoClient client = client(VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    client.organization().listInvitedUsers();
    fake.faults().dropNext(2);

    catchThrowableOfType(VendorUnavailable.class, client.organization()::listInvitedUsers);

    // The first drop met the pooled connection and was sent again, fresh; the second is final.
    assertThat(fake.calls("GET", LISTING)).isEqualTo(3);
    assertThat(fake.faults().pending()).isZero();
  }

  private BrevoClient client(OkHttpClient http) {
    return new BrevoClient(
        HttpUrl.get(fake.baseUrl()),
        new Secret(fake.apiKey()),
        RateBudget.of("brevo", "test/organization", new RateBudget.Limit(100, Duration.ofHours(1))),
        RateBudget.of("brevo", "test/contacts", new RateBudget.Limit(100, Duration.ofSeconds(1))),
        http);
  }

  private List<String> warningsAndErrors() {
    return warnings.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
