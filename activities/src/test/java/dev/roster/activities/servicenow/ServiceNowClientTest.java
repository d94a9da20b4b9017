package dev.roster.activities.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the sandbox instance over real HTTP. */
class ServiceNowClientTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
  private final FakeServiceNow sn =
      FakeServiceNow.start(FakeServiceNow.Options.builder().clock(now::get).build());

  @AfterEach
  void stop() {
    sn.close();
  }

  static ServiceNowClient client(FakeServiceNow sn, ServiceNowAuth auth) {
    return new ServiceNowClient(
        HttpUrl.get(sn.baseUrl()),
        auth,
        RateBudget.of("servicenow", "test", new RateBudget.Limit(1000, Duration.ofSeconds(1))),
        VendorHttp.newClient("servicenow", ServiceNowClient.REQUEST_ID_HEADERS));
  }

  static ServiceNowClient basic(FakeServiceNow sn) {
    return client(
        sn, new ServiceNowAuth.Basic(sn.options().user(), new Secret(sn.options().password())));
  }

  @Test
  void basicAuthReadsARecordAsPlainStrings() {
    String ritm = sn.createRitm("RITM0010001", Map.of(), "abel.tuter");

    Map<String, String> record = basic(sn).getRecord("sc_req_item", ritm, List.of());

    assertThat(record).containsEntry("number", "RITM0010001").containsEntry("state", "1");
    assertThat(record.get("opened_by")).hasSize(32);
  }

  @Test
  void wrongPasswordIsAuthFailed() {
    ServiceNowClient client =
        client(sn, new ServiceNowAuth.Basic(sn.options().user(), new Secret("wrong")));

    assertThatThrownBy(() -> client.query("sc_req_item", "", List.of(), 10, 0))
        .isInstanceOf(AuthFailed.class)
        .hasMessageNotContaining("wrong");
  }

  @Test
  void oauthTokenIsCachedAndRefreshedOnceAfterA401() {
    ServiceNowClient client =
        client(
            sn,
            new ServiceNowAuth.ClientCredentials(
                sn.options().clientId(), new Secret(sn.options().clientSecret())));
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");

    client.getRecord("sc_req_item", ritm, List.of("sys_id"));
    client.getRecord("sc_req_item", ritm, List.of("sys_id"));
    sn.revokeTokens();
    Map<String, String> after = client.getRecord("sc_req_item", ritm, List.of("sys_id"));

    assertThat(after).containsEntry("sys_id", ritm);
    assertThat(sn.tokensIssued()).isEqualTo(2);
  }

  @Test
  void wrongClientSecretIsAuthFailed() {
    ServiceNowClient client =
        client(
            sn, new ServiceNowAuth.ClientCredentials(sn.options().clientId(), new Secret("nope")));

    assertThatThrownBy(() -> client.query("sc_task", "", List.of(), 1, 0))
        .isInstanceOf(AuthFailed.class);
  }

  @Test
  void rateLimitedCarriesTheInstancesRetryAfter() {
    try (FakeServiceNow limited =
        FakeServiceNow.start(
            FakeServiceNow.Options.builder()
                .clock(now::get)
                .rateLimit(1, Duration.ofHours(1))
                .build())) {
      ServiceNowClient client = basic(limited);
      client.query("sc_req_item", "", List.of(), 1, 0);
      now.set(now.get().plusSeconds(600));

      assertThatThrownBy(() -> client.query("sc_req_item", "", List.of(), 1, 0))
          .isInstanceOfSatisfying(
              RateLimited.class,
              e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3000));
              });
    }
  }

  @Test
  void serverErrorIsVendorUnavailableAndHiddenRecordIsNotFound() {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");
    sn.hide("sc_req_item", ritm);
    sn.faults().failNext(1, 500);
    ServiceNowClient client = basic(sn);

    assertThatThrownBy(() -> client.getRecord("sc_req_item", ritm, List.of()))
        .isInstanceOf(VendorUnavailable.class);
    assertThatThrownBy(() -> client.getRecord("sc_req_item", ritm, List.of()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void workNotesAppendAndReadBackEmpty() {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");
    ServiceNowClient client = basic(sn);

    Map<String, String> after = client.patch("sc_req_item", ritm, Map.of("work_notes", "first"));
    client.patch("sc_req_item", ritm, Map.of("work_notes", "second"));

    assertThat(after.get("work_notes")).isEmpty();
    assertThat(sn.workNotes("sc_req_item", ritm)).containsExactly("first", "second");
  }

  @Test
  void queryPagesUntilTheLinkHeaderHasNoNext() {
    for (int i = 0; i < 5; i++) {
      sn.createRitm(null, Map.of(), "abel.tuter");
    }
    ServiceNowClient client = basic(sn);

    QueryPage first = client.query("sc_req_item", "ORDERBYnumber", List.of("number"), 2, 0);
    QueryPage last = client.query("sc_req_item", "ORDERBYnumber", List.of("number"), 2, 4);
    QueryPage none = client.query("sc_req_item", "number=RITM9999999", List.of(), 2, 0);

    assertThat(first.records()).hasSize(2);
    assertThat(first.totalCount()).isEqualTo(5);
    assertThat(first.hasMore()).isTrue();
    assertThat(last.records()).hasSize(1);
    assertThat(last.hasMore()).isFalse();
    assertThat(none.records()).isEmpty();
  }

  @Test
  void attachmentsAreListedDescribedAndDownloaded() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");
    byte[] csv = "email\nada@example.com\n".getBytes(StandardCharsets.UTF_8);
    String id = sn.attach("sc_req_item", ritm, "people.csv", "text/csv", csv);
    ServiceNowClient client = basic(sn);

    List<Attachment> listed = client.listAttachments("sc_req_item", ritm);
    Attachment described = client.getAttachment(id);
    byte[] read;
    try (Response file = client.openAttachmentFile(id, 0, Duration.ofSeconds(10))) {
      read = file.body().bytes();
    }

    assertThat(listed).containsExactly(described);
    assertThat(described.tableName()).isEqualTo("sc_req_item");
    assertThat(described.tableSysId()).isEqualTo(ritm);
    assertThat(described.fileName()).isEqualTo("people.csv");
    assertThat(described.sizeBytes()).isEqualTo(csv.length);
    assertThat(described.hash()).hasSize(64);
    assertThat(read).isEqualTo(csv);
    assertThatThrownBy(() -> client.getAttachment("0".repeat(32))).isInstanceOf(NotFound.class);
  }
}
