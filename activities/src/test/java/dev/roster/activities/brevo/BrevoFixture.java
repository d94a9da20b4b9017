package dev.roster.activities.brevo;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.sandbox.brevo.FakeBrevo;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** A fake Brevo on a real port and a connector talking to it over HTTP. */
final class BrevoFixture implements AutoCloseable {
  final FakeBrevo fake;
  final BrevoClient client;
  final BrevoConnector connector;
  final TeamConnector team;
  final ContactConnector contacts;

  private BrevoFixture(FakeBrevo fake, BrevoClient client) {
    this.fake = fake;
    this.client = client;
    this.connector = new BrevoConnector(client);
    this.team = connector.team();
    this.contacts = connector.contacts();
  }

  static BrevoFixture start() {
    return start(FakeBrevo.Options.defaults(), null);
  }

  /**
   * @param extra an interceptor to put in front of the calls (e.g. to stage a race), or null
   */
  static BrevoFixture start(FakeBrevo.Options options, Interceptor extra) {
    FakeBrevo fake = FakeBrevo.start(options);
    return new BrevoFixture(fake, client(fake, fake.apiKey(), extra));
  }

  /** A second client on the same fake, e.g. with a wrong key. */
  static BrevoClient client(FakeBrevo fake, String apiKey, Interceptor extra) {
    OkHttpClient http = VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS);
    if (extra != null) {
      http = http.newBuilder().addInterceptor(extra).build();
    }
    return new BrevoClient(
        HttpUrl.get(fake.baseUrl()),
        new Secret(apiKey),
        RateBudget.of(
            "brevo", "test/organization", new RateBudget.Limit(1000, Duration.ofHours(1))),
        RateBudget.of("brevo", "test/contacts", new RateBudget.Limit(1000, Duration.ofSeconds(1))),
        http);
  }

  @Override
  public void close() {
    fake.close();
  }
}
