package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.Rejected;
import dev.roster.sandbox.brevo.Contact;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrevoContactsTest {
  private static final String ADA = "ada+news@example.com";

  private BrevoFixture brevo;

  @BeforeEach
  void start() {
    brevo = BrevoFixture.start();
  }

  @AfterEach
  void stop() {
    brevo.close();
  }

  @Test
  void upsertCreatesContactWithBrevoNameAttributes() {
    ContactOutcome outcome =
        brevo.contacts.upsert(new ContactData(ADA, "Ada", "Lovelace", Map.of("company", "AE")));

    assertThat(outcome).isEqualTo(ContactOutcome.CREATED);
    Contact contact = brevo.fake.contact(ADA).orElseThrow();
    assertThat(contact.attributes())
        .containsEntry("FIRSTNAME", "Ada")
        .containsEntry("LASTNAME", "Lovelace")
        .containsEntry("COMPANY", "AE");
  }

  @Test
  void upsertingTwiceUpdatesTheSameContact() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, Map.of()));

    ContactOutcome second = brevo.contacts.upsert(new ContactData(ADA, "Augusta", null, null));

    assertThat(second).isEqualTo(ContactOutcome.UPDATED);
    assertThat(brevo.fake.contacts()).hasSize(1);
    assertThat(brevo.fake.contact(ADA).orElseThrow().attributes())
        .containsEntry("FIRSTNAME", "Augusta");
  }

  @Test
  void getContactFindsAnAddressWithPlusAndReportsAbsence() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    assertThat(brevo.client.getContact(ADA))
        .hasValueSatisfying(c -> assertThat(c.email()).isEqualTo(ADA));
    assertThat(brevo.client.getContact("nobody@example.com")).isEmpty();
  }

  @Test
  void updateContactChangesAttributesAndAddsLists() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    brevo.client.updateContact(ADA, Map.of("LASTNAME", "King"), List.of(7L));

    Contact contact = brevo.fake.contact(ADA).orElseThrow();
    assertThat(contact.attributes()).containsEntry("LASTNAME", "King");
    assertThat(contact.listIds()).containsExactly(7L);
  }

  @Test
  void subscribeAddsTheContactToEveryList() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));

    brevo.contacts.subscribe(ADA, List.of("2", "7"));

    assertThat(brevo.fake.listMemberEmails(2)).containsExactly(ADA);
    assertThat(brevo.fake.listMemberEmails(7)).containsExactly(ADA);
  }

  @Test
  void subscribingTwiceIsSuccess() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    brevo.contacts.subscribe(ADA, List.of("2"));

    brevo.contacts.subscribe(ADA, List.of("2"));

    assertThat(brevo.fake.listMemberEmails(2)).containsExactly(ADA);
  }

  @Test
  void alreadySubscribedRefusedWithBadRequestIsSuccess() {
    // Real Brevo may answer 400 when nothing was added; the contact's lists decide.
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    brevo.contacts.subscribe(ADA, List.of("2"));
    brevo
        .fake
        .faults()
        .failNext(
            1,
            400,
            Map.of(),
            "{\"code\":\"invalid_parameter\","
                + "\"message\":\"Contact already in list and/or does not exist\"}");

    brevo.contacts.subscribe(ADA, List.of("2"));

    assertThat(brevo.fake.listMemberEmails(2)).containsExactly(ADA);
  }

  @Test
  void aListRefusalCarriesBrevosStatusRequestIdAndMessage() {
    // Brevo refuses with 400 and the contact is not on the list: the refusal is Brevo's, with its
    // status and words, not a Roster refusal without a status.
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    brevo
        .fake
        .faults()
        .failNext(
            1, 400, Map.of(), "{\"code\":\"invalid_parameter\",\"message\":\"List is archived\"}");

    assertThatThrownBy(() -> brevo.contacts.subscribe(ADA, List.of("2")))
        .isInstanceOfSatisfying(
            Rejected.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.vendorMessage()).contains("List is archived");
              assertThat(e.getMessage())
                  .contains("status=400")
                  .contains("brevo refused to add the contact to list 2: List is archived");
            });
    assertThat(brevo.fake.listMemberEmails(2)).doesNotContain(ADA);
  }

  @Test
  void subscribingAnUnknownContactSaysTheContactIsMissing() {
    assertThatThrownBy(() -> brevo.contacts.subscribe(ADA, List.of("2")))
        .isInstanceOf(ContactMissing.class);
  }

  @Test
  void subscribingToAnUnknownListIsRejected() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    assertThatThrownBy(() -> brevo.contacts.subscribe(ADA, List.of("99")))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("list 99 does not exist");
  }

  @Test
  void aListIdThatIsNotANumberIsRejectedWithoutACall() {
    assertThatThrownBy(() -> brevo.contacts.subscribe(ADA, List.of("newsletter")))
        .isInstanceOf(Rejected.class);
    assertThat(brevo.fake.totalCalls()).isZero();
  }
}
