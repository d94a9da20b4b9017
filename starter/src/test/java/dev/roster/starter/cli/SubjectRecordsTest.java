package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.starter.ChangeStarter;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.WorkerTestbed;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.request.Person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An erasure lists the person's access changes among Roster's own records of them. */
class SubjectRecordsTest {

  @Test
  @Timeout(60)
  void anAccessChangeWithoutATicketIsAmongThePersonsRecords() {
    try (WorkerTestbed bed = new WorkerTestbed()) {
      Person ada = new Person("ada@example.com", null, null);
      String changeId =
          new ChangeStarter(bed.client, WorkerTestbed.SUBJECTS, ConfiguredAccounts.of(bed.config))
              .start(
                  new ChangeAccessRequest(
                      ada,
                      List.of(new AccessChange(WorkerTestbed.BREVO, "admin", null, null)),
                      null,
                      null,
                      null,
                      "carol"))
              .workflowId();
      String subject = WorkerTestbed.SUBJECTS.subjectOf(ada.email());

      assertThat(SubjectRecords.of(bed.client, subject, "offboard-RITM0000001"))
          .containsExactly("offboard-RITM0000001", changeId);
    }
  }
}
