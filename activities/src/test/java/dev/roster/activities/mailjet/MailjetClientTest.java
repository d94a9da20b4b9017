package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.mailjet.MailjetTypes.Action;
import dev.roster.activities.mailjet.MailjetTypes.BulkContact;
import dev.roster.activities.mailjet.MailjetTypes.BulkJob;
import dev.roster.activities.mailjet.MailjetTypes.JobState;
import dev.roster.activities.mailjet.MailjetTypes.ListAction;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.sandbox.mailjet.JobStatusVocabulary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client operations the connector does not cover: bulk jobs, lists, properties, erasure. */
class MailjetClientTest {
  private static final String ADA = "ada@example.com";

  private MailjetFixture mailjet = MailjetFixture.start();

  @AfterEach
  void stop() {
    mailjet.close();
  }

  private void restart(int jobPolls, JobStatusVocabulary vocabulary) {
    mailjet.close();
    mailjet =
        MailjetFixture.start(
            FakeMailjet.Options.builder()
                .rateLimit(10_000, Duration.ofSeconds(1))
                .jobPolls(jobPolls)
                .jobStatusVocabulary(vocabulary));
  }

  private BulkJob pollUntilDone(long jobId) {
    for (int i = 0; i < 10; i++) {
      BulkJob job = mailjet.client.jobs().status(jobId);
      if (job.state() != JobState.RUNNING) {
        return job;
      }
    }
    throw new AssertionError("job never finished");
  }

  @Test
  void bulkJobWithGuideStatusesRunsThenCompletes() {
    restart(3, JobStatusVocabulary.GUIDE);
    mailjet.client.ensureProperty("firstname", "str");
    long jobId =
        mailjet
            .client
            .jobs()
            .start(
                List.of(new BulkContact(ADA, "Ada", null, Map.of("firstname", "Ada"))),
                List.of(new ListAction(10, Action.ADDFORCE)));

    BulkJob first = mailjet.client.jobs().status(jobId);
    BulkJob done = pollUntilDone(jobId);

    assertThat(first.state()).isEqualTo(JobState.RUNNING);
    assertThat(first.status()).isEqualTo("Allocated");
    assertThat(done.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.hasRowErrors()).isFalse();
    assertThat(mailjet.fake.listMemberEmails(10)).containsExactly(ADA);
    assertThat(mailjet.fake.properties(ADA)).containsEntry("firstname", "Ada");
  }

  @Test
  void bulkJobWithSdkStatusesReportsInProgressAsRunning() {
    restart(2, JobStatusVocabulary.SDK);
    long jobId =
        mailjet.client.jobs().start(List.of(new BulkContact(ADA, null, true, null)), List.of());

    BulkJob first = mailjet.client.jobs().status(jobId);

    assertThat(first.status()).isEqualTo("In Progress");
    assertThat(first.state()).isEqualTo(JobState.RUNNING);
    assertThat(pollUntilDone(jobId).state()).isEqualTo(JobState.COMPLETED);
    assertThat(mailjet.fake.isExcluded(ADA)).isTrue();
  }

  @Test
  void bulkJobErrorsListTheRefusedRows() {
    restart(1, JobStatusVocabulary.GUIDE);
    long jobId =
        mailjet
            .client
            .jobs()
            .start(
                List.of(
                    new BulkContact(ADA, null, null, null),
                    new BulkContact("bad", null, null, null)),
                List.of(new ListAction(11, Action.ADDNOFORCE)));

    BulkJob done = pollUntilDone(jobId);

    assertThat(done.hasRowErrors()).isTrue();
    assertThat(mailjet.client.jobs().errors(jobId))
        .singleElement()
        .satisfies(e -> assertThat(e.email()).isEqualTo("bad"));
  }

  @Test
  void bulkJobThatFailsEveryRowEndsFailed() {
    restart(1, JobStatusVocabulary.SDK);
    long jobId =
        mailjet.client.jobs().start(List.of(new BulkContact("bad", null, null, null)), List.of());

    assertThat(pollUntilDone(jobId).state()).isEqualTo(JobState.FAILED);
  }

  @Test
  void contactListsCanBeReadAndCreated() {
    assertThat(mailjet.client.lists().listContactLists())
        .extracting(l -> l.name())
        .containsExactly("Newsletter", "Product updates");
    assertThat(mailjet.client.lists().getContactList(11))
        .hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("Product updates"));
    assertThat(mailjet.client.lists().getContactList(99)).isEmpty();

    long id = mailjet.client.lists().createContactList("Beta").id();

    assertThat(mailjet.client.lists().getContactList(id)).isPresent();
    assertThatThrownBy(() -> mailjet.client.lists().createContactList("Beta"))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void ensurePropertyCreatesOnlyWhenAbsent() {
    assertThat(mailjet.client.ensureProperty("company", "str")).isTrue();
    assertThat(mailjet.client.ensureProperty("company", "str")).isFalse();
    assertThat(mailjet.client.listProperties()).containsOnlyKeys("company");
  }

  @Test
  void contactDataRoundTripsAndDuplicateCreateIsConflict() {
    long id = mailjet.client.createContact(ADA, "Ada", null).id();
    mailjet.client.ensureProperty("company", "str");
    mailjet.client.setContactData(Long.toString(id), Map.of("company", "AE"));

    assertThat(mailjet.client.getContactData(ADA)).containsEntry("company", "AE");
    assertThatThrownBy(() -> mailjet.client.createContact(ADA, null, null))
        .isInstanceOf(Conflict.class);
    assertThat(mailjet.client.listContacts()).hasSize(1);
  }

  @Test
  void listRecipientLifecycle() {
    long contact = mailjet.client.createContact(ADA, null, null).id();
    long recipient = mailjet.client.lists().subscribe(contact, 10).id();

    mailjet.client.lists().unsubscribe(recipient);
    mailjet.client.lists().unsubscribe(recipient);
    assertThat(mailjet.client.lists().findListRecipient(contact, 10))
        .hasValueSatisfying(r -> assertThat(r.unsubscribed()).isTrue());

    mailjet.client.lists().removeListRecipient(recipient);
    assertThat(mailjet.client.lists().findListRecipient(contact, 10)).isEmpty();
    assertThat(mailjet.client.lists().listRecipients(contact)).isEmpty();
  }

  @Test
  void eraseContactIsVerifiedAndIdempotent() {
    long id = mailjet.client.createContact(ADA, "Ada", null).id();

    mailjet.client.eraseContact(id);
    mailjet.client.eraseContact(id);

    assertThat(mailjet.client.getContact(ADA)).isEmpty();
    assertThat(mailjet.client.getContact(Long.toString(id)))
        .hasValueSatisfying(c -> assertThat(c.anonymized()).isTrue());
  }
}
