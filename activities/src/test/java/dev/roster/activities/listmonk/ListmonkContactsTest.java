package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.listmonk.Subscriber;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListmonkContactsTest {
  private static final String ADA = "ada@example.com";
  private static final byte[] CSV =
      "email,name,attributes\nada@example.com,Ada,\ngrace@example.com,Grace,\n"
          .getBytes(StandardCharsets.UTF_8);

  private final ListmonkFixture listmonk = ListmonkFixture.start();

  @AfterEach
  void stop() {
    listmonk.close();
  }

  private ContactOutcome upsert(String email, String first, Map<String, String> attributes) {
    return listmonk.contacts.upsert(new ContactData(email, first, "Lovelace", attributes));
  }

  @Test
  void upsertCreatesThenUpdatesKeepingListsAndOtherAttributes() {
    assertThat(upsert(ADA, "Ada", Map.of("team", "blue", "city", "London")))
        .isEqualTo(ContactOutcome.CREATED);
    listmonk.contacts.subscribe(ADA, List.of("3", "4"));

    ContactOutcome second = upsert(ADA, "Augusta", Map.of("team", "red"));

    assertThat(second).isEqualTo(ContactOutcome.UPDATED);
    Subscriber s = listmonk.fake.subscriber(ADA).orElseThrow();
    assertThat(s.name()).isEqualTo("Augusta Lovelace");
    assertThat(s.attribs()).containsEntry("team", "red").containsEntry("city", "London");
    assertThat(s.subscriptions()).containsOnlyKeys(3L, 4L);
  }

  @Test
  void upsertKeepsABlocklistedSubscriberBlocklisted() {
    upsert(ADA, "Ada", Map.of());
    listmonk.contacts.suppress(ADA);

    upsert(ADA, "Ada", Map.of("team", "red"));

    assertThat(listmonk.fake.isBlocklisted(ADA)).isTrue();
  }

  @Test
  void subscribeIsIdempotentAndConfirmed() {
    upsert(ADA, "Ada", Map.of());

    listmonk.contacts.subscribe(ADA, List.of("4"));
    listmonk.contacts.subscribe(ADA, List.of("4"));

    assertThat(listmonk.fake.subscriber(ADA).orElseThrow().subscriptions())
        .containsEntry(4L, "confirmed");
    assertThat(listmonk.fake.listMemberEmails(4)).containsExactly(ADA);
  }

  @Test
  void subscribeRejectsUnknownListsBadIdsAndUnknownSubscribers() {
    upsert(ADA, "Ada", Map.of());

    assertThatThrownBy(() -> listmonk.contacts.subscribe(ADA, List.of("99")))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> listmonk.contacts.subscribe(ADA, List.of("news")))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> listmonk.contacts.subscribe("nobody@example.com", List.of("3")))
        .isInstanceOf(ContactMissing.class);
    assertThat(listmonk.fake.calls("PUT", "/api/subscribers/lists")).isZero();
  }

  @Test
  void findByEmailEscapesQuotesAndMatchesOnlyTheExactAddress() {
    upsert("o'brien@example.com", "Pat", Map.of());
    upsert(ADA, "Ada", Map.of());

    assertThat(listmonk.client.findByEmail("O'Brien@example.com"))
        .hasValueSatisfying(s -> assertThat(s.email()).isEqualTo("o'brien@example.com"));
    assertThat(listmonk.client.findByEmail("x' OR '1'='1@example.com")).isEmpty();
  }

  @Test
  void missingQueryPermissionFallsBackToSearchOnce() {
    var permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    permissions.remove("subscribers:sql_query");
    try (ListmonkFixture limited =
        ListmonkFixture.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      limited.contacts.upsert(new ContactData(ADA, "Ada", null, Map.of()));
      limited.contacts.upsert(new ContactData("ada2@example.com", "Ada", null, Map.of()));

      assertThat(limited.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ERASED);
      assertThat(limited.contacts.suppress("ada2@example.com")).isTrue();

      assertThat(limited.fake.subscriber(ADA)).isEmpty();
      long queries =
          limited.fake.requests().stream()
              .filter(r -> r.query() != null && r.query().contains("query="))
              .count();
      assertThat(queries).isEqualTo(1);
    }
  }

  @Test
  void getSubscriberTreats400NotFoundAsAbsent() {
    assertThat(listmonk.client.getSubscriber(12345)).isEmpty();
  }

  @Test
  void importRunsOneAtATimeAndFinishesAfterPolls() {
    var status = listmonk.imports.start(ImportParams.subscribe(List.of(3L)), "people.csv", CSV);
    assertThat(status.running()).isTrue();

    assertThatThrownBy(
            () -> listmonk.imports.start(ImportParams.subscribe(List.of(3L)), "more.csv", CSV))
        .isInstanceOf(VendorUnavailable.class)
        .satisfies(e -> assertThat(((VendorUnavailable) e).retryable()).isTrue());
    // The second attempt polled the session (poll 1 of 2); this is poll 2.
    assertThat(listmonk.client.imports().status().status()).isEqualTo("finished");
    assertThat(listmonk.fake.listMemberEmails(3)).containsExactly(ADA, "grace@example.com");
    assertThat(listmonk.client.imports().logs()).contains("people.csv");
    assertThat(
            listmonk.imports.start(ImportParams.subscribe(List.of(4L)), "next.csv", CSV).running())
        .isTrue();
  }

  @Test
  void vendorAlreadyRunningAnswerIsRetryable() {
    listmonk.client.imports().start(ImportParams.subscribe(List.of(3L)), "other-process.csv", CSV);
    // Another process started it; our status check sees it first. Starting from a fresh
    // instance state by polling nothing: the guard must still refuse.
    assertThatThrownBy(
            () -> listmonk.imports.start(ImportParams.subscribe(List.of(3L)), "mine.csv", CSV))
        .isInstanceOf(VendorUnavailable.class);
  }
}
