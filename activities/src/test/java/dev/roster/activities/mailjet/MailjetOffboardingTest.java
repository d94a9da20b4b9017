package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.mailjet.Contact;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery and erasure over real HTTP, asserted on the fake's state. */
class MailjetOffboardingTest {
  private static final String ADA = "ada+news@example.com";

  private MailjetFixture mailjet;

  @BeforeEach
  void start() {
    mailjet = MailjetFixture.start();
  }

  @AfterEach
  void stop() {
    mailjet.close();
  }

  private void subscribedAda() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", "Lovelace", null));
    mailjet.contacts.subscribe(ADA, List.of("10", "11"));
  }

  @Test
  void findContactOfAnUnknownPersonIsAbsent() {
    assertThat(mailjet.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
  }

  @Test
  void findContactListsSubscribedMembershipsOnly() {
    subscribedAda();
    long contactId = mailjet.fake.contact(ADA).orElseThrow().id();
    long recipient = mailjet.client.lists().findListRecipient(contactId, 11).orElseThrow().id();
    mailjet.client.lists().unsubscribe(recipient);

    assertThat(mailjet.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of("10"), false));
  }

  @Test
  void findContactShowsTheCampaignExclusion() {
    subscribedAda();
    mailjet.contacts.suppress(ADA);

    assertThat(mailjet.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of("10", "11"), true));
  }

  @Test
  void unsubscribeAllTwiceLeavesEachListOnce() {
    subscribedAda();

    assertThat(mailjet.contacts.unsubscribeAll(ADA)).isEqualTo(2);
    assertThat(mailjet.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(mailjet.contacts.findContact(ADA).lists()).isEmpty();
  }

  @Test
  void eraseAnonymisesAndAnErasedPersonIsAbsentAfterwards() {
    subscribedAda();

    EraseOutcome first = mailjet.contacts.erase(ADA);
    EraseOutcome second = mailjet.contacts.erase(ADA);

    assertThat(first.result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(second.result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(mailjet.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
    assertThat(mailjet.fake.contacts())
        .singleElement()
        .extracting(Contact::anonymized)
        .isEqualTo(true);
    assertThat(mailjet.fake.listMemberEmails(10)).isEmpty();
  }

  @Test
  void aFailedErasureIsRetryableAndLeavesTheContact() {
    subscribedAda();
    mailjet.fake.faults().failNext(1, 503);

    // The first call is the lookup; it fails before anything is erased.
    assertThatThrownBy(() -> mailjet.contacts.erase(ADA)).isInstanceOf(VendorUnavailable.class);
    assertThat(mailjet.fake.contact(ADA)).isPresent();
    assertThat(mailjet.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ERASED);
  }
}
