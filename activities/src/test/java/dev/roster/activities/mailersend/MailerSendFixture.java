package dev.roster.activities.mailersend;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import java.time.Duration;
import okhttp3.HttpUrl;

/** A fake MailerSend on a real port and a connector talking to it over HTTP. */
final class MailerSendFixture implements AutoCloseable {
  final FakeMailerSend fake;
  final MailerSendClient client;
  final MailerSendConnector connector;
  final TeamConnector team;
  final MailerSendRecipients contacts;

  private MailerSendFixture(FakeMailerSend fake, MailerSendClient client) {
    this.fake = fake;
    this.client = client;
    this.connector = new MailerSendConnector(client);
    this.team = connector.team();
    this.contacts = connector.contacts();
  }

  static MailerSendFixture start() {
    return start(FakeMailerSend.Options.defaults());
  }

  static MailerSendFixture start(FakeMailerSend.Options options) {
    FakeMailerSend fake = FakeMailerSend.start(options);
    return new MailerSendFixture(fake, client(fake, fake.token(), 100));
  }

  /** A second client on the same fake, e.g. with a wrong token or a different low-quota mark. */
  static MailerSendClient client(FakeMailerSend fake, String token, int lowQuota) {
    return new MailerSendClient(
        HttpUrl.get(fake.baseUrl()),
        new Secret(token),
        RateBudget.of(
            "mailersend", "test/api", new RateBudget.Limit(10_000, Duration.ofMinutes(1))),
        VendorHttp.newClient("mailersend", MailerSendClient.REQUEST_ID_HEADERS),
        lowQuota);
  }

  @Override
  public void close() {
    fake.close();
  }
}
