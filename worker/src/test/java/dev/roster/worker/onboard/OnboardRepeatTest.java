package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.ACCOUNT;
import static dev.roster.worker.onboard.OnboardTestbed.SEND_INVITATION;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Contact;
import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Onboarding someone who is already there succeeds and changes nothing twice. */
class OnboardRepeatTest {
  private static final String EMAIL = "dorothy.vaughan@example.com";

  @Test
  @Timeout(60)
  void alreadyActiveMemberIsSuccess() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(Duration.ofDays(2)).start()) {
      assertThat(bed.run("onboard-first", request(EMAIL, "viewer", "carol")).outcome())
          .isEqualTo("COMPLETED");
      Member before = bed.fake.member(EMAIL).orElseThrow();
      assertThat(before.isActive()).isTrue();

      OnboardResult again = bed.run("onboard-again", request(EMAIL, "viewer", "carol"));

      assertThat(again.outcome()).isEqualTo("COMPLETED");
      AccountReport account = again.status().accounts().get(0);
      assertThat(step(account, "invite").state()).isEqualTo(StepState.DONE);
      assertThat(step(account, "acceptance").state()).isEqualTo(StepState.DONE);
      // Nothing new was sent and nobody waited for an acceptance that already happened.
      assertThat(bed.fake.calls("POST", SEND_INVITATION)).isEqualTo(1);
      assertThat(bed.fake.member(EMAIL)).contains(before);
      assertThat(bed.elapsed("onboard-again")).isLessThan(Duration.ofHours(1));
    }
  }

  @Test
  @Timeout(60)
  void existingContactIsUpdatedNotDuplicated() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      assertThat(bed.run("onboard-contact-1", contactOnly("Lovelace", "Analytics")).outcome())
          .isEqualTo("COMPLETED");

      OnboardResult again = bed.run("onboard-contact-2", contactOnly("Byron", "Engines"));

      assertThat(again.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.fake.contacts()).hasSize(1);
      Contact contact = bed.fake.contact(EMAIL).orElseThrow();
      assertThat(contact.attributes())
          .containsEntry("LASTNAME", "Byron")
          .containsEntry("DEPARTMENT", "Engines");
      assertThat(contact.listIds()).containsExactlyInAnyOrder(2L, 7L);
      assertThat(bed.fake.listMemberEmails(2)).containsOnlyOnce(EMAIL);
      assertThat(bed.fake.member(EMAIL)).isEmpty();
    }
  }

  /** A contact-only assignment (no role): upsert and subscribe, no team invitation. */
  private static OnboardRequest contactOnly(String lastName, String department) {
    return new OnboardRequest(
        new Person(EMAIL, "Ada", lastName),
        List.of(new Assignment(ACCOUNT, null, List.of("2", "7"), Map.of("department", department))),
        "RITM0000002",
        "carol");
  }
}
