package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery, unsubscribe, blocklist and erasure over real HTTP, asserted on the fake's state. */
class ListmonkOffboardingTest {
  private static final String ADA = "ada+news@example.com";

  private ListmonkFixture listmonk;

  @BeforeEach
  void start() {
    listmonk = ListmonkFixture.start();
  }

  @AfterEach
  void stop() {
    listmonk.close();
  }

  private void subscribedAda() {
    listmonk.contacts.upsert(new ContactData(ADA, "Ada", "Lovelace", Map.of()));
    listmonk.contacts.subscribe(ADA, List.of("3", "4"));
  }

  @Test
  void findContactOfAnUnknownPersonIsAbsent() {
    assertThat(listmonk.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
  }

  @Test
  void findContactListsLiveSubscriptionsOnly() {
    subscribedAda();
    long id = listmonk.fake.subscriber(ADA).orElseThrow().id();
    listmonk.client.changeLists(List.of(id), "unsubscribe", List.of(4L), null);

    assertThat(listmonk.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of("3"), false));
  }

  @Test
  void findContactShowsTheBlocklist() {
    listmonk.contacts.upsert(new ContactData(ADA, "Ada", null, Map.of()));
    listmonk.client.blocklistSubscriber(listmonk.fake.subscriber(ADA).orElseThrow().id());

    assertThat(listmonk.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of(), true));
  }

  @Test
  void unsubscribeAllLeavesEveryListOnceKeepingTheOptOut() {
    subscribedAda();

    assertThat(listmonk.contacts.unsubscribeAll(ADA)).isEqualTo(2);
    assertThat(listmonk.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(listmonk.contacts.unsubscribeAll("nobody@example.com")).isZero();

    assertThat(listmonk.fake.subscriber(ADA).orElseThrow().subscriptions())
        .containsEntry(3L, "unsubscribed")
        .containsEntry(4L, "unsubscribed");
    assertThat(listmonk.fake.listMemberEmails(3)).isEmpty();
  }

  @Test
  void suppressBlocklistsOnceAndNeverCreatesASubscriber() {
    subscribedAda();

    assertThat(listmonk.contacts.suppress(ADA)).isTrue();
    assertThat(listmonk.contacts.suppress(ADA)).isFalse();
    assertThat(listmonk.contacts.suppress("stranger@example.com")).isFalse();

    assertThat(listmonk.fake.isBlocklisted(ADA)).isTrue();
    assertThat(listmonk.fake.subscriber("stranger@example.com")).isEmpty();
  }

  @Test
  void eraseDeletesTheSubscriberAndASecondEraseIsAbsent() {
    subscribedAda();

    EraseOutcome first = listmonk.contacts.erase(ADA);
    EraseOutcome second = listmonk.contacts.erase(ADA);

    assertThat(first.result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(second.result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(listmonk.fake.subscriber(ADA)).isEmpty();
    assertThat(listmonk.fake.listMemberEmails(3)).isEmpty();
    assertThat(listmonk.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
  }

  @Test
  void eraseOfABlocklistedSubscriberStillDeletesIt() {
    subscribedAda();
    listmonk.contacts.suppress(ADA);

    assertThat(listmonk.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(listmonk.fake.subscriber(ADA)).isEmpty();
  }
}
