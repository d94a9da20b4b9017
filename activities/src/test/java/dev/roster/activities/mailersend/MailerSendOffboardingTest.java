package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Rejected;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery, blocklist suppression and recipient erasure, asserted on the fake's state. */
class MailerSendOffboardingTest {
  private static final String ADA = "ada@example.com";

  private MailerSendFixture ms;

  @BeforeEach
  void start() {
    ms = MailerSendFixture.start();
  }

  @AfterEach
  void stop() {
    ms.close();
  }

  @Test
  void suppressBlocksTheAddressAccountWideAndIsIdempotent() {
    assertThat(ms.contacts.suppress(ADA)).isTrue();
    assertThat(ms.contacts.suppress(ADA.toUpperCase())).isFalse();

    assertThat(ms.fake.isSuppressed(ADA)).isTrue();
    assertThat(ms.fake.blocklist()).hasSize(1);
    assertThat(ms.fake.blocklist().get(0).domainId()).isNull();
    assertThat(ms.contacts.isSuppressed(ADA)).isTrue();
    assertThat(ms.contacts.isSuppressed("bob@example.com")).isFalse();
  }

  @Test
  void suppressOnAConfiguredDomain() {
    var scoped = new MailerSendConnector(ms.client, Optional.of(ms.fake.domainId()));

    scoped.contacts().suppress(ADA);

    assertThat(ms.fake.blocklist().get(0).domainId()).isEqualTo(ms.fake.domainId());
  }

  @Test
  void eraseDeletesTheRecipientAndASecondEraseIsAbsent() {
    ms.fake.addRecipient("bob@example.com");
    ms.fake.addRecipient(ADA);

    EraseOutcome first = ms.contacts.erase(ADA.toUpperCase());
    EraseOutcome second = ms.contacts.erase(ADA);

    assertThat(first.result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(second.result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(ms.fake.recipient(ADA)).isEmpty();
    assertThat(ms.fake.recipient("bob@example.com")).isPresent();
  }

  @Test
  void eraseFindsRecipientsBeyondTheFirstPage() {
    for (int i = 0; i < 120; i++) {
      ms.fake.addRecipient("r" + i + "@example.com");
    }

    assertThat(ms.contacts.erase("r119@example.com").result())
        .isEqualTo(EraseOutcome.Result.ERASED);
    // Two pages to find it, two more to read back that it is gone.
    assertThat(ms.fake.calls("GET", "/v1/recipients")).isEqualTo(4);
  }

  @Test
  void eraseLeavesTheBlocklistEntryThatKeepsTheAddressSuppressed() {
    ms.fake.addRecipient(ADA);
    ms.contacts.suppress(ADA);

    ms.contacts.erase(ADA);

    assertThat(ms.fake.recipient(ADA)).isEmpty();
    assertThat(ms.fake.isSuppressed(ADA)).isTrue();
  }

  @Test
  void findContactReportsRecipientAndBlocklistButNeverLists() {
    assertThat(ms.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
    ms.fake.addRecipient(ADA);
    assertThat(ms.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of(), false));
    ms.contacts.suppress(ADA);
    assertThat(ms.contacts.findContact(ADA)).isEqualTo(new ContactFootprint(true, List.of(), true));
  }

  @Test
  void suppressingAnAddressMailerSendNeverMailedStillBlocksIt() {
    assertThat(ms.contacts.suppress("stranger@example.com")).isTrue();

    assertThat(ms.fake.isSuppressed("stranger@example.com")).isTrue();
    assertThat(ms.contacts.findContact("stranger@example.com"))
        .isEqualTo(new ContactFootprint(false, List.of(), true));
  }

  @Test
  void unsubscribeAllHasNoListsToLeave() {
    ms.fake.addRecipient(ADA);

    assertThat(ms.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(ms.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(ms.fake.totalCalls()).isZero();
  }

  @Test
  void contactWritesFailLoudlyAndCapabilitiesSaySo() {
    assertThat(ms.contacts.capabilities())
        .isEqualTo(new Capabilities(Capabilities.TeamInvite.INVITATION, false, false, true, true));
    assertThat(ms.contacts.contactsFamily()).isEqualTo("api");
    assertThatThrownBy(() -> ms.contacts.upsert(new ContactData(ADA, "Ada", null, null)))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> ms.contacts.subscribe(ADA, List.of("1"))).isInstanceOf(Rejected.class);
    assertThat(ms.fake.totalCalls()).isZero();
  }

  @Test
  void unblockByIdRemovesTheEntry() {
    ms.contacts.suppress(ADA);
    String id = ms.client.listBlocklist().get(0).id();

    ms.client.deleteFromBlocklist(List.of(id));

    assertThat(ms.fake.isSuppressed(ADA)).isFalse();
  }
}
