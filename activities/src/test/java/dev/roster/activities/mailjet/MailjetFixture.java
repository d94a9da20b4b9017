package dev.roster.activities.mailjet;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.sandbox.mailjet.FakeMailjet;
import java.time.Duration;
import okhttp3.HttpUrl;

/** A fake Mailjet on a real port and a connector talking to it over HTTP. */
final class MailjetFixture implements AutoCloseable {
  final FakeMailjet fake;
  final MailjetClient client;
  final MailjetConnector connector;
  final ContactConnector contacts;

  private MailjetFixture(FakeMailjet fake, MailjetClient client) {
    this.fake = fake;
    this.client = client;
    this.connector = new MailjetConnector(client);
    this.contacts = connector.contacts();
  }

  /** Generous limits on both sides, so only tests about throttling meet a 429. */
  static MailjetFixture start() {
    return start(FakeMailjet.Options.builder().rateLimit(10_000, Duration.ofSeconds(1)));
  }

  static MailjetFixture start(FakeMailjet.Options.Builder options) {
    FakeMailjet fake = FakeMailjet.start(options.build());
    return new MailjetFixture(fake, client(fake, fake.apiKey(), fake.secretKey()));
  }

  /** A client on the fake, e.g. with a wrong secret. */
  static MailjetClient client(FakeMailjet fake, String apiKey, String secretKey) {
    return new MailjetClient(
        HttpUrl.get(fake.baseUrl()),
        new Secret(apiKey),
        new Secret(secretKey),
        RateBudget.of("mailjet", "test/api", new RateBudget.Limit(1000, Duration.ofSeconds(1))),
        VendorHttp.newClient("mailjet", MailjetClient.REQUEST_ID_HEADERS));
  }

  @Override
  public void close() {
    fake.close();
  }
}
