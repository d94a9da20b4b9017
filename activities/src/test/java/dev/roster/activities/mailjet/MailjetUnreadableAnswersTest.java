package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.VendorUnavailable;
import dev.roster.workflows.contacts.ContactData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx that does not read as Mailjet's envelope is no success and no "absent": the step fails
 * retryably and its retry does the work once.
 */
class MailjetUnreadableAnswersTest {
  private static final String ADA = "ada@example.com";
  private static final long LIST = 10;

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
  void anUnreadableCreateAnswerIsRetryableAndLeavesNoContact() {
    mailjet.fake.faults().on("POST", "/v3/REST/contact").unreadableNext(1, 201);

    VendorUnavailable e =
        catchThrowableOfType(
            VendorUnavailable.class,
            () -> mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null)));
    assertThat(e).as("a retryable failure").isNotNull();

    assertThat(e.getMessage()).contains("unreadable answer");
    assertThat(mailjet.fake.contact(ADA)).isEmpty();
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    assertThat(mailjet.fake.contact(ADA)).isPresent();
  }

  @Test
  void anEmptyAnswerToAContactReadIsNotAnAbsentContact() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    // A 200 with nothing in it once made the subscribe step say "contact does not exist"
    // (non-retryable) about a contact that was there.
    mailjet.fake.faults().on("GET", "/v3/REST/contact/{id}").failNext(1, 200);

    assertThatThrownBy(() -> mailjet.contacts.subscribe(ADA, List.of(Long.toString(LIST))))
        .isInstanceOf(VendorUnavailable.class);

    mailjet.contacts.subscribe(ADA, List.of(Long.toString(LIST)));
    assertThat(mailjet.fake.listMemberEmails(LIST)).containsExactly(ADA);
  }

  @Test
  void aTruncatedSubscriptionAnswerIsRetriedWithoutASecondMembership() {
    mailjet.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    mailjet.fake.faults().on("POST", "/v3/REST/listrecipient").truncateNext(1);

    assertThatThrownBy(() -> mailjet.contacts.subscribe(ADA, List.of(Long.toString(LIST))))
        .isInstanceOf(VendorUnavailable.class);

    mailjet.contacts.subscribe(ADA, List.of(Long.toString(LIST)));
    assertThat(mailjet.fake.listMemberEmails(LIST)).containsExactly(ADA);
    assertThat(mailjet.fake.calls("POST", "/v3/REST/listrecipient")).isEqualTo(1);
  }

  @Test
  void aPageWithoutDataIsNotTheEndOfTheListing() {
    mailjet
        .fake
        .faults()
        .on("GET", "/v3/REST/contactmetadata")
        .failNext(1, 200, Map.of("Content-Type", "application/json"), "{\"Count\":0}");

    assertThatThrownBy(() -> mailjet.client.listProperties()).isInstanceOf(VendorUnavailable.class);

    assertThat(mailjet.client.listProperties()).isNotNull();
  }
}
