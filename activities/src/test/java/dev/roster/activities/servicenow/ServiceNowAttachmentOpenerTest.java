package dev.roster.activities.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.bulkimport.Chunk;
import dev.roster.activities.bulkimport.ChunkReader;
import dev.roster.activities.bulkimport.FileSourceOpener;
import dev.roster.activities.bulkimport.HttpsSourceConfig;
import dev.roster.activities.bulkimport.HttpsSourceOpener;
import dev.roster.activities.bulkimport.ImportFailed;
import dev.roster.activities.bulkimport.ImportOptions;
import dev.roster.activities.bulkimport.ImportPlan;
import dev.roster.activities.bulkimport.ImportPlanner;
import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.bulkimport.ImportSource;
import dev.roster.activities.bulkimport.ImportStore;
import dev.roster.activities.bulkimport.OpenedSource;
import dev.roster.activities.bulkimport.RoutingSourceOpener;
import dev.roster.activities.bulkimport.SourceOpener;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attachment opener against the sandbox instance over real HTTP. */
class ServiceNowAttachmentOpenerTest {
  private static final String CSV =
      "email,first_name\na@example.com,A\nb@example.com,\"B\nB\"\nc@example.com,C\n";
  private static final byte[] BYTES = CSV.getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final FakeServiceNow sn = FakeServiceNow.start();
  private final String ritm = sn.createRitm("RITM0030001", Map.of(), "carol");
  private final ServiceNowAttachmentOpener opener =
      new ServiceNowAttachmentOpener(ServiceNowClientTest.basic(sn), HttpsSourceConfig.defaults());

  @AfterEach
  void stop() {
    sn.close();
  }

  private ImportSource.ServiceNowAttachment attached() {
    String id = sn.attach("sc_req_item", ritm, "people.csv", "text/csv", BYTES);
    return ImportSource.servicenowAttachment("sc_req_item", ritm, id);
  }

  @Test
  void opensAtAnyOffsetSkippingAheadWhenTheInstanceSendsTheWholeFile() throws Exception {
    ImportSource.ServiceNowAttachment source = attached();

    byte[] whole;
    byte[] rest;
    String version;
    try (OpenedSource opened = opener.openAttachment(source, 0)) {
      whole = opened.stream().readAllBytes();
      version = opened.version();
      assertThat(opened.length()).isEqualTo(BYTES.length);
    }
    try (OpenedSource opened = opener.openAttachment(source, 17)) {
      rest = opened.stream().readAllBytes();
      assertThat(opened.version()).isEqualTo(version);
    }

    assertThat(whole).isEqualTo(BYTES);
    assertThat(rest).isEqualTo(Arrays.copyOfRange(BYTES, 17, BYTES.length));
    assertThat(version).startsWith("sha256:");
    assertThat(fileRequests())
        .extracting(r -> r.header("Range"))
        .containsExactly(null, "bytes=17-");
  }

  @Test
  void plansAndReadsChunksThroughTheImportPipeline() {
    SourceOpener sources =
        new RoutingSourceOpener(
            new FileSourceOpener(List.of()),
            new HttpsSourceOpener(new OkHttpClient(), HttpsSourceConfig.defaults()),
            opener);
    ImportPlan plan =
        new ImportPlanner(sources)
            .plan(attached(), ImportOptions.defaults(), new ImportStore(dir), "ticket");
    ChunkReader reader = new ChunkReader(sources, plan);

    Chunk first = reader.nextChunk(plan.firstChunk(), 1, 1 << 20);
    Chunk second = reader.nextChunk(first.next(), 10, 1 << 20);

    assertThat(plan.report().valid()).isEqualTo(3);
    assertThat(first.rows()).extracting(ImportRow::email).containsExactly("a@example.com");
    assertThat(second.rows())
        .extracting(ImportRow::email)
        .containsExactly("b@example.com", "c@example.com");
    assertThat(second.last()).isTrue();
  }

  @Test
  void openingAtTheEndDownloadsNothing() throws Exception {
    ImportSource.ServiceNowAttachment source = attached();

    try (OpenedSource opened = opener.openAttachment(source, BYTES.length)) {
      assertThat(opened.stream().readAllBytes()).isEmpty();
    }

    assertThat(fileRequests()).isEmpty();
  }

  @Test
  void attachmentOfAnotherRecordIsRefusedWithoutNamingIt() {
    String other = sn.createRitm("RITM0030002", Map.of(), "mallory");
    String theirs = sn.attach("sc_req_item", other, "salaries.csv", "text/csv", BYTES);

    assertFails(
            () ->
                opener.openAttachment(
                    ImportSource.servicenowAttachment("sc_req_item", ritm, theirs), 0),
            ImportFailed.Kind.INVALID_SOURCE)
        .hasMessageContaining(ritm)
        .hasMessageNotContaining(other);
    assertFails(
        () ->
            opener.openAttachment(
                ImportSource.servicenowAttachment("sc_request", other, theirs), 0),
        ImportFailed.Kind.INVALID_SOURCE);
    assertThat(fileRequests()).isEmpty();
  }

  @Test
  void attachmentVariableFileCountsAsTheItemsOwn() throws Exception {
    String id = sn.attachToVariable(ritm, "import_file", "people.csv", "text/csv", BYTES);

    try (OpenedSource opened =
        opener.openAttachment(ImportSource.servicenowAttachment("sc_req_item", ritm, id), 0)) {
      assertThat(opened.stream().readAllBytes()).isEqualTo(BYTES);
    }
  }

  @Test
  void missingAttachmentIsSourceNotFound() {
    assertFails(
        () ->
            opener.openAttachment(
                ImportSource.servicenowAttachment("sc_req_item", ritm, "0".repeat(32)), 0),
        ImportFailed.Kind.SOURCE_NOT_FOUND);
  }

  @Test
  void refusedCredentialsAreAccessDeniedNamingTheInstanceNeverTheSecret() {
    ImportSource.ServiceNowAttachment source = attached();
    ServiceNowAttachmentOpener wrong =
        new ServiceNowAttachmentOpener(
            ServiceNowClientTest.client(
                sn, new ServiceNowAuth.Basic(sn.options().user(), new Secret("hunter2-wrong"))),
            HttpsSourceConfig.defaults());

    assertFails(() -> wrong.openAttachment(source, 0), ImportFailed.Kind.SOURCE_ACCESS_DENIED)
        .hasMessageContaining("127.0.0.1:" + sn.port())
        .hasMessageContaining("401")
        .hasMessageNotContaining("hunter2-wrong")
        .hasMessageNotContaining(sn.options().user());
  }

  @Test
  void throttledOrFailingInstanceIsRetryableWithItsRetryAfter() {
    ImportSource.ServiceNowAttachment source = attached();
    sn.faults().failNext(1, 429, Map.of("Retry-After", "7"), "{\"error\":{}}");
    sn.faults().failNext(1, 503);

    assertFails(() -> opener.openAttachment(source, 0), ImportFailed.Kind.SOURCE_UNAVAILABLE)
        .cause()
        .isInstanceOfSatisfying(
            RateLimited.class,
            limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    assertFails(() -> opener.openAttachment(source, 0), ImportFailed.Kind.SOURCE_UNAVAILABLE);
  }

  @Test
  void attachmentOverTheLimitIsRefusedBeforeDownloading() {
    ImportSource.ServiceNowAttachment source = attached();
    ServiceNowAttachmentOpener small =
        new ServiceNowAttachmentOpener(
            ServiceNowClientTest.basic(sn), HttpsSourceConfig.defaults().withMaxBytes(20));

    assertFails(() -> small.openAttachment(source, 0), ImportFailed.Kind.SOURCE_TOO_LARGE);
    assertThat(fileRequests()).isEmpty();
  }

  /** Fails with an ImportFailed of this kind, retryable exactly when the kind is. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCallable call, ImportFailed.Kind kind) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.retryable()).isEqualTo(kind == ImportFailed.Kind.SOURCE_UNAVAILABLE);
            });
  }

  private List<FakeRequest> fileRequests() {
    return sn.requests().stream().filter(r -> r.path().endsWith("/file")).toList();
  }
}
