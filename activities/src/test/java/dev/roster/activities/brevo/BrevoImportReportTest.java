package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.RejectedRow;
import dev.roster.sandbox.FakeRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A finished import's refused rows come from the process's {@code export_url}, which Brevo serves
 * from another host than its API: fetched there, without the API key, https only (plain http only
 * from loopback by a sandbox client), size-limited.
 */
class BrevoImportReportTest {

  @Test
  void refusedRowsAreReadFromTheExportHostWithoutTheApiKey() {
    try (BrevoFixture brevo = BrevoFixture.start()) {
      long list = brevo.fake.createList("Imported");
      brevo.fake.processes().completeAfterPolls(1).rejectOnImport("bad@example.com", "Blocked");
      BulkImportConnector bulk = brevo.connector.bulkImports();

      String job =
          bulk.startImport(
              List.of(row("ok@example.com"), row("bad@example.com")), List.of("" + list));
      BulkJob done = bulk.jobStatus(job);
      List<RejectedRow> refused = bulk.rejectedRows(job);

      assertThat(done.state()).isEqualTo(BulkJob.State.COMPLETED);
      assertThat(refused).containsExactly(new RejectedRow("bad@example.com", "Blocked"));
      List<FakeRequest> downloads = brevo.fake.exportRequests();
      assertThat(downloads).hasSize(1);
      assertThat(downloads.get(0).header("api-key")).isNull();
      assertThat(brevo.fake.requests()).allSatisfy(r -> assertThat(r.path()).startsWith("/v3/"));
      assertThat(brevo.fake.listMemberEmails(list)).containsExactly("ok@example.com");
    }
  }

  @Test
  void theExportUrlIsAUrlOrTheLinkOfBrevosOwnExample() {
    assertThat(
            BrevoExports.url(
                "<a href=\"https://export-url.com/upload/file-name.csv\" target=\"_blank\">"
                    + "filename.csv</a>"))
        .isEqualTo(HttpUrl.get("https://export-url.com/upload/file-name.csv"));
    assertThat(BrevoExports.url(" https://files.example.com/r.csv?sig=a&exp=1 "))
        .isEqualTo(HttpUrl.get("https://files.example.com/r.csv?sig=a&exp=1"));
    assertThat(BrevoExports.url("see the dashboard")).isNull();
  }

  @Test
  void plainHttpIsReadOnlyFromLoopbackByASandboxClient() {
    BrevoExports real =
        new BrevoExports(new OkHttpClient(), HttpUrl.get("https://api.brevo.com/v3"));
    assertThatThrownBy(() -> real.fetch("http://127.0.0.1:9/upload/r.csv"))
        .isInstanceOf(BrevoExports.Unusable.class)
        .hasMessageContaining("not https");
    BrevoExports sandbox =
        new BrevoExports(new OkHttpClient(), HttpUrl.get("http://127.0.0.1:9999/v3"));
    assertThatThrownBy(() -> sandbox.fetch("http://files.example.com/r.csv"))
        .isInstanceOf(BrevoExports.Unusable.class)
        .hasMessageContaining("not https");
  }

  @Test
  void aReportThatIsGoneOrTooLargeIsNotRetried() throws IOException {
    HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    files.createContext(
        "/gone.csv",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    files.createContext(
        "/huge.csv",
        exchange -> {
          exchange.sendResponseHeaders(200, BrevoExports.MAX_BYTES + 1);
          exchange.close();
        });
    files.start();
    try {
      String base = "http://127.0.0.1:" + files.getAddress().getPort();
      BrevoExports sandbox =
          new BrevoExports(new OkHttpClient(), HttpUrl.get("http://127.0.0.1:9999/v3"));
      for (Map.Entry<String, String> c :
          Map.of("/gone.csv", "answered 404", "/huge.csv", "larger than").entrySet()) {
        assertThatThrownBy(() -> sandbox.fetch(base + c.getKey()))
            .isInstanceOf(BrevoExports.Unusable.class)
            .hasMessageContaining(c.getValue());
      }
    } finally {
      files.stop(0);
    }
  }

  private static ImportRow row(String email) {
    return new ImportRow(2, email, null, null, List.of(), null, Map.of());
  }
}
