package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx that does not read as Brevo's answer is no success: the step fails retryably and its retry
 * does the work once. "Unreadable" answers come without the fake doing anything (what a proxy or a
 * gateway in between may send); "truncated" ones after it did.
 */
class BrevoUnreadableAnswersTest {
  private static final String ADA = "ada@example.com";
  private static final String INVITE = "/v3/organization/user/invitation/send";
  private static final long LIST = 2;

  private BrevoFixture brevo;

  @BeforeEach
  void start() {
    brevo = BrevoFixture.start(FakeBrevo.Options.defaults(), null);
  }

  @AfterEach
  void stop() {
    brevo.close();
  }

  @Test
  void anUnreadableInvitationAnswerIsRetryableAndTheRetryInvitesOnce() {
    brevo.fake.faults().on("POST", INVITE).unreadableNext(1, 200);

    VendorUnavailable e =
        catchThrowableOfType(VendorUnavailable.class, () -> brevo.team.invite(ADA, "viewer"));
    assertThat(e).as("a retryable failure").isNotNull();

    assertThat(ActivityFailures.toApplicationFailure(e).getType())
        .isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    assertThat(e.getMessage()).contains("unreadable answer").doesNotContain("ema");
    assertThat(brevo.fake.member(ADA)).isEmpty();
    assertThat(brevo.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.INVITED);
    assertThat(brevo.fake.member(ADA).orElseThrow().status()).isEqualTo("pending");
    assertThat(brevo.fake.calls("POST", INVITE)).isEqualTo(2);
  }

  @Test
  void aTruncatedInvitationAnswerIsRetryableAndTheRetryFindsItPending() {
    brevo.fake.faults().on("POST", INVITE).truncateNext(1);

    assertThatThrownBy(() -> brevo.team.invite(ADA, "viewer"))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(brevo.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.ALREADY_PENDING);
    assertThat(brevo.fake.calls("POST", INVITE)).isEqualTo(1);
    assertThat(brevo.team.memberStatus(ADA)).isEqualTo(MemberStatus.PENDING);
  }

  @Test
  void aListingWithoutUsersIsNotAnEmptyAccount() {
    brevo.fake.faults().failNext(1, 200, Map.of("Content-Type", "application/json"), "{}");

    assertThatThrownBy(() -> brevo.team.memberStatus(ADA)).isInstanceOf(VendorUnavailable.class);

    assertThat(brevo.fake.calls("POST", INVITE)).isZero();
  }

  @Test
  void anUnreadableContactAnswerLeavesNoContactBehindASuccess() {
    brevo.fake.faults().on("POST", "/v3/contacts").unreadableNext(1, 201);

    assertThatThrownBy(() -> brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null)))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(brevo.fake.contact(ADA)).isEmpty();
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    assertThat(brevo.fake.contact(ADA)).isPresent();
  }

  @Test
  void anUpsertAnsweredButNeverWrittenIsFoundMissingByItsReadBack() {
    // A well-formed 201 that nothing stands behind: only reading the contact back shows it.
    brevo
        .fake
        .faults()
        .on("POST", "/v3/contacts")
        .failNext(1, 201, Map.of("Content-Type", "application/json"), "{\"id\":77}");

    assertThatThrownBy(() -> brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null)))
        .isInstanceOf(VendorUnavailable.class);

    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    brevo.contacts.subscribe(ADA, List.of(Long.toString(LIST)));
    assertThat(brevo.fake.listMemberEmails(LIST)).containsExactly(ADA);
  }

  @Test
  void aListAnswerThatNamesNobodyIsCheckedOnTheContact() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    String path = "/v3/contacts/lists/{listId}/contacts/add";
    brevo.fake.faults().on("POST", path).failNext(1, 201, Map.of(), "{}");

    assertThatThrownBy(() -> brevo.contacts.subscribe(ADA, List.of("2")))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(brevo.fake.listMemberEmails(LIST)).isEmpty();
    brevo.contacts.subscribe(ADA, List.of("2"));
    assertThat(brevo.fake.listMemberEmails(LIST)).containsExactly(ADA);
  }
}
