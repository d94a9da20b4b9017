package dev.roster.activities.listmonk;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.sandbox.listmonk.FakeListmonk;
import java.time.Duration;
import okhttp3.HttpUrl;

/** A fake listmonk on a real port and a connector talking to it over HTTP. */
final class ListmonkFixture implements AutoCloseable {
  final FakeListmonk fake;
  final ListmonkClient client;
  final ListmonkConnector connector;
  final TeamConnector team;
  final ContactConnector contacts;
  final ListmonkImports imports;

  private ListmonkFixture(FakeListmonk fake, ListmonkClient client) {
    this.fake = fake;
    this.client = client;
    this.connector = new ListmonkConnector(client);
    this.team = connector.team();
    this.contacts = connector.contacts();
    this.imports = new ListmonkImports(client);
  }

  static ListmonkFixture start() {
    return start(FakeListmonk.Options.defaults());
  }

  static ListmonkFixture start(FakeListmonk.Options options) {
    FakeListmonk fake = FakeListmonk.start(options);
    return new ListmonkFixture(fake, client(fake, fake.apiUser(), fake.token()));
  }

  /** A client on the same fake, e.g. with a wrong token. */
  static ListmonkClient client(FakeListmonk fake, String apiUser, String token) {
    return new ListmonkClient(
        HttpUrl.get(fake.baseUrl()),
        apiUser,
        new Secret(token),
        RateBudget.of("listmonk", "test/api", new RateBudget.Limit(1000, Duration.ofSeconds(1))),
        VendorHttp.newClient("listmonk", ListmonkClient.REQUEST_ID_HEADERS));
  }

  @Override
  public void close() {
    fake.close();
  }
}
