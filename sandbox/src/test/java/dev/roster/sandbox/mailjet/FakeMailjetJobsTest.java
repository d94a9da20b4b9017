package dev.roster.sandbox.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** managemanycontacts: both status vocabularies, jobPolls, actions and the error file. */
class FakeMailjetJobsTest {
  private static final String JOBS = "/v3/REST/contact/managemanycontacts";

  private FakeMailjet mailjet;
  private MailjetTestHttp http;

  private void start(int jobPolls, JobStatusVocabulary vocabulary) {
    mailjet =
        FakeMailjet.start(
            FakeMailjet.Options.builder()
                .rateLimit(10_000, Duration.ofSeconds(1))
                .jobPolls(jobPolls)
                .jobStatusVocabulary(vocabulary)
                .build());
    http = MailjetTestHttp.of(mailjet);
  }

  @AfterEach
  void stop() {
    mailjet.close();
  }

  private long submit(List<Map<String, Object>> contacts, List<Map<String, Object>> lists)
      throws Exception {
    Reply reply = http.post(JOBS, Map.of("Contacts", contacts, "ContactsLists", lists));
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("Count").asInt()).isEqualTo(1);
    return reply.json().path("Data").get(0).path("JobID").asLong();
  }

  private JsonNode poll(long jobId) throws Exception {
    return http.get(JOBS + "/" + jobId).json().path("Data").get(0);
  }

  @Test
  void guideVocabularyRunsThroughImportStatusesAndCompletesOnTheConfiguredPoll() throws Exception {
    start(3, JobStatusVocabulary.GUIDE);
    long job =
        submit(
            List.of(Map.of("Email", "ada@example.com", "Name", "Ada")),
            List.of(Map.of("ListID", 10, "Action", "addforce")));

    assertThat(poll(job).path("Status").asText()).isEqualTo("Allocated");
    assertThat(mailjet.contact("ada@example.com")).isEmpty();
    assertThat(poll(job).path("Status").asText()).isEqualTo("Upload");
    JsonNode done = poll(job);

    assertThat(done.path("Status").asText()).isEqualTo("Completed");
    assertThat(done.path("Error").asText()).isEmpty();
    assertThat(done.path("ErrorFile").asText()).isEmpty();
    assertThat(done.path("JobEnd").asText()).isNotEmpty();
    assertThat(mailjet.listMemberEmails(10)).containsExactly("ada@example.com");
  }

  @Test
  void sdkVocabularyReportsInProgress() throws Exception {
    start(2, JobStatusVocabulary.SDK);
    long job = submit(List.of(Map.of("Email", "ada@example.com")), List.of());

    assertThat(poll(job).path("Status").asText()).isEqualTo("In Progress");
    assertThat(poll(job).path("Status").asText()).isEqualTo("Completed");
  }

  @Test
  void invalidRowsFillErrorAndTheErrorFile() throws Exception {
    start(1, JobStatusVocabulary.GUIDE);
    long job =
        submit(
            List.of(Map.of("Email", "ada@example.com"), Map.of("Email", "not-an-email")),
            List.of(Map.of("ListID", 11, "action", "addnoforce")));

    JsonNode done = poll(job);
    Reply errors = http.get("/v3/DATA/batchjob/" + job + "/JSONError/application:json/LAST");

    assertThat(done.path("Status").asText()).isEqualTo("Completed");
    assertThat(done.path("Error").asText()).isNotEmpty();
    assertThat(done.path("ErrorFile").asText()).isNotEmpty();
    assertThat(errors.status()).isEqualTo(200);
    assertThat(errors.json()).hasSize(1);
    assertThat(errors.json().get(0).path("Email").asText()).isEqualTo("not-an-email");
    assertThat(mailjet.listMemberEmails(11)).containsExactly("ada@example.com");
  }

  @Test
  void unsubAndRemoveActionsAndExclusionApply() throws Exception {
    start(1, JobStatusVocabulary.SDK);
    poll(
        submit(
            List.of(Map.of("Email", "ada@example.com")),
            List.of(
                Map.of("ListID", 10, "Action", "addforce"),
                Map.of("ListID", 11, "Action", "addforce"))));

    poll(
        submit(
            List.of(Map.of("Email", "ada@example.com", "IsExcludedFromCampaigns", true)),
            List.of(
                Map.of("ListID", 10, "Action", "unsub"),
                Map.of("ListID", 11, "Action", "remove"))));

    assertThat(mailjet.listMemberEmails(10)).isEmpty();
    assertThat(mailjet.listMemberEmails(11)).isEmpty();
    assertThat(mailjet.isExcluded("ada@example.com")).isTrue();
    assertThat(mailjet.contacts()).hasSize(1);
  }

  @Test
  void badActionUnknownListAndUnknownJobAreRefused() throws Exception {
    start(2, JobStatusVocabulary.GUIDE);
    Map<String, Object> ada = Map.of("Email", "ada@example.com");

    assertThat(
            http.post(
                    JOBS,
                    Map.of(
                        "Contacts",
                        List.of(ada),
                        "ContactsLists",
                        List.of(Map.of("ListID", 10, "Action", "add"))))
                .status())
        .isEqualTo(400);
    assertThat(
            http.post(
                    JOBS,
                    Map.of(
                        "Contacts",
                        List.of(ada),
                        "ContactsLists",
                        List.of(Map.of("ListID", 99, "Action", "addforce"))))
                .status())
        .isEqualTo(400);
    assertThat(http.post(JOBS, Map.of("Contacts", List.of())).status()).isEqualTo(400);
    assertThat(http.get(JOBS + "/1").status()).isEqualTo(404);
  }
}
