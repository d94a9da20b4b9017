package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsSourceOpenerTest {
  private static final String CSV =
      "email,first_name\na@example.com,A\nb@example.com,\"B\nB\"\nc@example.com,C\n";
  private static final byte[] BYTES = CSV.getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private final HttpsSourceConfig sandbox = HttpsSourceConfig.defaults().withPlainHttpAllowed(true);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ranged.csv", exchange -> serve(exchange, true, true));
    server.createContext("/plain.csv", exchange -> serve(exchange, false, true));
    server.createContext("/streamed.csv", exchange -> serve(exchange, false, false));
    server.createContext(
        "/missing.csv",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void plansAndResumesWithRangeRequests() {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), sandbox);
    ImportSource source = ImportSource.https(url("/ranged.csv?token=s3cr3t"));
    ImportPlan plan =
        new ImportPlanner(opener).plan(source, ImportOptions.defaults(), store(), "url-import");
    assertThat(plan.report().valid()).isEqualTo(3);
    assertThat(plan.sourceVersion()).isEqualTo("\"v1\"");

    ChunkReader reader = new ChunkReader(opener, plan);
    Chunk first = reader.nextChunk(plan.firstChunk(), 1, 1 << 20);
    Chunk second = reader.nextChunk(first.next(), 10, 1 << 20);
    assertThat(first.rows()).extracting(ImportRow::email).containsExactly("a@example.com");
    assertThat(second.rows())
        .extracting(ImportRow::email, ImportRow::line)
        .containsExactly(
            RowValidatorTest.tuple("b@example.com", 3), RowValidatorTest.tuple("c@example.com", 5));
    assertThat(second.last()).isTrue();
    assertThat(ranges).contains("bytes=" + first.next().byteOffset() + "-");
  }

  @Test
  void resumesWhenTheServerIgnoresRanges() {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), sandbox);
    ImportPlan plan =
        new ImportPlanner(opener)
            .plan(
                ImportSource.https(url("/plain.csv")),
                ImportOptions.defaults(),
                store(),
                "url-import");
    ChunkReader reader = new ChunkReader(opener, plan);
    Chunk first = reader.nextChunk(plan.firstChunk(), 2, 1 << 20);
    Chunk rest = reader.nextChunk(first.next(), 10, 1 << 20);
    assertThat(rest.rows()).extracting(ImportRow::email).containsExactly("c@example.com");
  }

  @Test
  void notFoundIsAClearErrorWithoutTheQueryString() {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), sandbox);
    assertThatThrownBy(() -> opener.open(ImportSource.https(url("/missing.csv?sig=s3cr3t")), 0))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_NOT_FOUND);
              assertThat(e.retryable()).isFalse();
            })
        .hasMessageContaining("/missing.csv?[REDACTED] answered 404")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void sizeLimitIsEnforcedFromContentLength() {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), sandbox.withMaxBytes(20));
    assertThatThrownBy(() -> opener.open(ImportSource.https(url("/plain.csv")), 0))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_TOO_LARGE));
  }

  @Test
  void sizeLimitIsEnforcedWhileStreamingWithoutContentLength() throws IOException {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), sandbox.withMaxBytes(20));
    try (OpenedSource opened = opener.open(ImportSource.https(url("/streamed.csv")), 0)) {
      assertThat(opened.length()).isEqualTo(-1);
      InputStream stream = opened.stream();
      assertThatThrownBy(stream::readAllBytes)
          .isInstanceOfSatisfying(
              ImportFailed.class,
              e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_TOO_LARGE));
    }
  }

  @Test
  void plainHttpIsRefusedUnlessAllowed() {
    SourceOpener opener = new HttpsSourceOpener(new OkHttpClient(), HttpsSourceConfig.defaults());
    assertThatThrownBy(() -> opener.open(ImportSource.https(url("/plain.csv")), 0))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.INVALID_SOURCE));
  }

  @Test
  void urlSourcesNeverShowTheirQueryString() {
    ImportSource.Https source = ImportSource.https("https://files.example.com/a.csv?X-Sig=abc#f");
    assertThat(source.describe()).isEqualTo("https://files.example.com/a.csv?[REDACTED]");
    assertThat(source.toString()).doesNotContain("abc");
  }

  private ImportStore store() {
    return new ImportStore(dir.resolve("store"));
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  private void serve(HttpExchange exchange, boolean ranges, boolean withLength) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    int start = 0;
    exchange.getResponseHeaders().add("ETag", "\"v1\"");
    if (range != null && ranges) {
      this.ranges.add(range);
      start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + start + "-" + (BYTES.length - 1) + "/" + BYTES.length);
      exchange.sendResponseHeaders(206, BYTES.length - start);
    } else {
      exchange.sendResponseHeaders(200, withLength ? BYTES.length : 0);
    }
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(BYTES, start, BYTES.length - start);
    }
  }
}
