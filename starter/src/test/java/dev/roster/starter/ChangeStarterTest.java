package dev.roster.starter;

import static dev.roster.starter.WorkerTestbed.BREVO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.starter.Started.How;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.request.Person;
import io.temporal.common.SearchAttributes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ChangeAccess is started like every request: under {@code change-<subject hash>} with search
 * attributes that name the subject hash and never the email; the same request again attaches, a
 * different one is refused.
 */
@Timeout(60)
class ChangeStarterTest {
  private static final Person ADA = new Person("ada@example.com", null, null);

  private WorkerTestbed bed;
  private ChangeStarter starter;

  @BeforeEach
  void start() {
    bed = new WorkerTestbed();
    starter =
        new ChangeStarter(bed.client, WorkerTestbed.SUBJECTS, ConfiguredAccounts.of(bed.config));
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private static ChangeAccessRequest moveTo(String role) {
    return new ChangeAccessRequest(
        ADA, List.of(new AccessChange(BREVO, role, null, null)), null, null, null, "carol");
  }

  @Test
  void startsUnderTheSubjectHashAttachesTheSameAndRefusesADifferentRequest() {
    Started first = starter.start(moveTo("admin"));

    String subject = WorkerTestbed.SUBJECTS.subjectOf(ADA.email());
    assertThat(first.how()).isEqualTo(How.STARTED);
    assertThat(first.workflowId()).isEqualTo("change-" + subject).doesNotContain("ada");
    SearchAttributes attributes =
        bed.client.newUntypedWorkflowStub(first.workflowId()).describe().getTypedSearchAttributes();
    assertThat(attributes.get(RosterSearchAttributes.OPERATION)).isEqualTo("change");
    assertThat(attributes.get(RosterSearchAttributes.SUBJECT)).isEqualTo(subject);
    assertThat(attributes.get(RosterSearchAttributes.VENDORS)).containsExactly(BREVO);

    assertThat(starter.start(moveTo("admin")))
        .isEqualTo(Started.of(first.workflowId(), How.ATTACHED));
    assertThatThrownBy(() -> starter.start(moveTo("viewer")))
        .isInstanceOfSatisfying(
            RequestConflict.class, e -> assertThat(e.workflowId()).isEqualTo(first.workflowId()));
  }
}
