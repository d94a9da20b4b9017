package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.Rejected;
import dev.roster.sandbox.mailjet.Contact;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every connector capability over real HTTP against the fake, asserted on the fake's state. */
class MailjetConnectorTest {
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

  @Test
  void declaresManualTeamInvitesAndOneApiFamily() {
    assertThat(mailjet.contacts.capabilities())
        .isEqualTo(new Capabilities(Capabilities.TeamInvite.MANUAL, true, true, true, true));
    assertThat(mailjet.contacts.contactsFamily()).isEqualTo("api");
  }

  @Test
  void upsertCreatesContactWithMailjetNameProperties() {
    ContactOutcome outcome =
        mailjet.contacts.upsert(
            new ContactData(ADA, "Ada", "Lovelace", Map.of("Company", "Analytical Engines")));

    assertThat(outcome).isEqualTo(ContactOutcome.CREATED);
    Contact contact = mailjet.fake.contact(ADA).orElseThrow();
    assertThat(contact.name()).isEqualTo("Ada Lovelace");
    assertThat(contact.properties())
        .containsEntry("firstname", "Ada")
        .containsEntry("name", "Lovelace")
        .containsEntry("company", "Analytical Engines");
  }

  @Test
  void upsertingAgainMapsTheMj18DuplicateToAnUpdate() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    ContactOutcome second = mailjet.contacts.upsert(new ContactData(ADA, "Augusta", "King", null));
    ContactOutcome third = mailjet.contacts.upsert(new ContactData(ADA, "Augusta", "King", null));

    assertThat(second).isEqualTo(ContactOutcome.UPDATED);
    assertThat(third).isEqualTo(ContactOutcome.UPDATED);
    assertThat(mailjet.fake.contacts()).hasSize(1);
    assertThat(mailjet.fake.contact(ADA).orElseThrow().name()).isEqualTo("Augusta King");
    assertThat(mailjet.fake.properties(ADA)).containsEntry("firstname", "Augusta");
    // Property definitions are created once, not per upsert.
    assertThat(mailjet.fake.calls("POST", "/v3/REST/contactmetadata")).isEqualTo(2);
  }

  @Test
  void upsertOfAContactCreatedElsewhereIsAnUpdateAndKeepsItsExclusion() {
    mailjet.client.createContact(ADA, "Ada", true);

    assertThat(mailjet.contacts.upsert(new ContactData(ADA, null, null, Map.of())))
        .isEqualTo(ContactOutcome.UPDATED);
    assertThat(mailjet.fake.isExcluded(ADA)).isTrue();
    assertThat(mailjet.fake.contact(ADA).orElseThrow().name()).isEqualTo("Ada");
  }

  @Test
  void subscribeAddsEveryListAndIsIdempotent() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    mailjet.contacts.subscribe(ADA, List.of("10", "11"));
    mailjet.contacts.subscribe(ADA, List.of("10", "11"));

    assertThat(mailjet.fake.listMemberEmails(10)).containsExactly(ADA);
    assertThat(mailjet.fake.listMemberEmails(11)).containsExactly(ADA);
    assertThat(mailjet.fake.calls("POST", "/v3/REST/listrecipient")).isEqualTo(2);
  }

  @Test
  void subscribeResubscribesSomeoneWhoUnsubscribed() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    mailjet.contacts.subscribe(ADA, List.of("10"));
    mailjet.contacts.unsubscribeAll(ADA);
    assertThat(mailjet.fake.listMemberEmails(10)).isEmpty();

    mailjet.contacts.subscribe(ADA, List.of("10"));

    assertThat(mailjet.fake.listMemberEmails(10)).containsExactly(ADA);
    assertThat(mailjet.fake.calls("PUT", "/v3/REST/listrecipient/{id}")).isEqualTo(2);
  }

  @Test
  void subscribeRejectsUnknownListUnknownContactAndMalformedIds() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    assertThatThrownBy(() -> mailjet.contacts.subscribe(ADA, List.of("999")))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> mailjet.contacts.subscribe("nobody@example.com", List.of("10")))
        .isInstanceOf(ContactMissing.class);
    mailjet.fake.resetCounters();
    assertThatThrownBy(() -> mailjet.contacts.subscribe(ADA, List.of("10", "news")))
        .isInstanceOf(Rejected.class);
    assertThat(mailjet.fake.totalCalls()).isZero();
  }

  @Test
  void unsubscribeAllFlagsEveryMembershipOnceAndIgnoresStrangers() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    mailjet.contacts.subscribe(ADA, List.of("10", "11"));

    assertThat(mailjet.contacts.unsubscribeAll(ADA)).isEqualTo(2);
    assertThat(mailjet.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(mailjet.contacts.unsubscribeAll("nobody@example.com")).isZero();
    assertThat(mailjet.fake.listMemberEmails(10)).isEmpty();
    assertThat(mailjet.fake.listMemberEmails(11)).isEmpty();
  }

  @Test
  void suppressExcludesAnExistingContactOnceAndNeverCreatesOne() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    assertThat(mailjet.contacts.suppress(ADA)).isTrue();
    assertThat(mailjet.contacts.suppress(ADA)).isFalse();
    assertThat(mailjet.contacts.suppress("stranger@example.com")).isFalse();

    assertThat(mailjet.fake.isExcluded(ADA)).isTrue();
    assertThat(mailjet.fake.contact("stranger@example.com")).isEmpty();
    assertThat(mailjet.fake.calls("POST", "/v3/REST/contact")).isEqualTo(1);
  }

  @Test
  void eraseAnonymisesAndDropsMembershipsThenReportsNothingLeft() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", "Lovelace", null));
    mailjet.contacts.subscribe(ADA, List.of("10"));

    assertThat(mailjet.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(mailjet.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(mailjet.contacts.erase("nobody@example.com").result())
        .isEqualTo(EraseOutcome.Result.ABSENT);

    assertThat(mailjet.fake.contact(ADA)).isEmpty();
    assertThat(mailjet.fake.listMemberEmails(10)).isEmpty();
    assertThat(mailjet.fake.contacts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.anonymized()).isTrue();
              assertThat(c.name()).isEqualTo("Anonymized");
              assertThat(c.properties()).isEmpty();
            });
  }

  @Test
  void upsertAfterErasureCreatesAFreshContact() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    mailjet.contacts.erase(ADA);

    assertThat(mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null)))
        .isEqualTo(ContactOutcome.CREATED);
  }

  @Test
  void missingEmailIsRejectedWithoutACall() {
    assertThatThrownBy(() -> mailjet.contacts.upsert(new ContactData(" ", null, null, null)))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> mailjet.contacts.erase(null)).isInstanceOf(Rejected.class);
    assertThat(mailjet.fake.totalCalls()).isZero();
  }
}
