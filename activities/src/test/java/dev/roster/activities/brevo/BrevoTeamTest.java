package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrevoTeamTest {
  private static final String SEND = "/v3/organization/user/invitation/send";
  private static final String CANCEL = "/v3/organization/user/invitation/cancel/{email}";
  private static final String REVOKE = "/v3/organization/user/invitation/revoke/{email}";
  private static final String ADA = "ada+team@example.com";

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
  void inviteEditorSendsPendingInvitationWithEditorPrivileges() {
    assertThat(brevo.team.invite(ADA, "editor")).isEqualTo(InviteOutcome.INVITED);

    Member member = brevo.fake.member(ADA).orElseThrow();
    assertThat(member.isPending()).isTrue();
    assertThat(member.allFeaturesAccess()).isFalse();
    assertThat(member.privileges())
        .extracting(Member.Privilege::feature)
        .containsExactlyInAnyOrder("email_campaigns", "contacts", "templates");
  }

  @Test
  void inviteAdminGrantsAllFeaturesAndViewerOnlyViewsContacts() {
    brevo.team.invite("admin@example.com", "Admin");
    brevo.team.invite("viewer@example.com", "viewer");

    assertThat(brevo.fake.member("admin@example.com").orElseThrow().allFeaturesAccess()).isTrue();
    assertThat(brevo.fake.member("viewer@example.com").orElseThrow().privileges())
        .containsExactly(new Member.Privilege("contacts", List.of("view")));
  }

  @Test
  void invitingTwiceReportsPendingWithoutSecondInvitation() {
    brevo.team.invite(ADA, "viewer");

    assertThat(brevo.team.invite(ADA.toUpperCase(), "viewer"))
        .isEqualTo(InviteOutcome.ALREADY_PENDING);
    assertThat(brevo.fake.calls("POST", SEND)).isEqualTo(1);
  }

  @Test
  void invitingAnActiveMemberReportsAlreadyActive() {
    brevo.team.invite(ADA, "viewer");
    brevo.fake.acceptInvitation(ADA);

    assertThat(brevo.team.invite(ADA, "editor")).isEqualTo(InviteOutcome.ALREADY_ACTIVE);
    assertThat(brevo.fake.calls("POST", SEND)).isEqualTo(1);
  }

  @Test
  void inviteRacingAnotherInviterReportsPending() {
    // Another Roster worker invites the same person between our listing and our send.
    AtomicBoolean raced = new AtomicBoolean();
    FakeBrevo[] fake = new FakeBrevo[1];
    Interceptor race =
        chain -> {
          if (chain.request().url().encodedPath().endsWith("/invitation/send")
              && raced.compareAndSet(false, true)) {
            new BrevoTeam(BrevoFixture.client(fake[0], fake[0].apiKey(), null).organization())
                .invite(ADA, "viewer");
          }
          return chain.proceed(chain.request());
        };
    brevo.close();
    brevo = BrevoFixture.start(FakeBrevo.Options.defaults(), race);
    fake[0] = brevo.fake;

    assertThat(brevo.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.ALREADY_PENDING);
    assertThat(brevo.fake.members()).filteredOn(m -> m.email().equals(ADA)).hasSize(1);
    // Ours was sent and refused as a duplicate; the re-read, not the error, decided the outcome.
    assertThat(brevo.fake.calls("POST", SEND)).isEqualTo(2);
  }

  @Test
  void inviteWithUnknownRoleIsRejectedNamingTheAcceptedRoles() {
    assertThatThrownBy(() -> brevo.team.invite(ADA, "superuser"))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("viewer, editor or admin")
        // Roster refused it: no vendor status to report, and the message says so.
        .hasMessageContaining("brevo invite refused (no HTTP error from the vendor)")
        .hasMessageNotContaining("status=0");
    assertThat(brevo.fake.totalCalls()).isZero();
  }

  @Test
  void listMembersShowsOwnerInviteesAndMembers() {
    brevo.team.invite(ADA, "viewer");
    brevo.team.invite("bob@example.com", "viewer");
    brevo.fake.acceptInvitation("bob@example.com");

    List<MemberEntry> members = brevo.team.listMembers();

    assertThat(members)
        .contains(
            new MemberEntry(ADA, MemberStatus.PENDING),
            new MemberEntry("bob@example.com", MemberStatus.ACTIVE));
    assertThat(brevo.client.organization().listInvitedUsers()).anyMatch(u -> u.owner());
  }

  @Test
  void memberStatusFollowsTheInvitationLifecycle() {
    assertThat(brevo.team.memberStatus(ADA)).isEqualTo(MemberStatus.ABSENT);
    brevo.team.invite(ADA, "viewer");
    assertThat(brevo.team.memberStatus(ADA)).isEqualTo(MemberStatus.PENDING);
    brevo.fake.acceptInvitation(ADA);
    assertThat(brevo.team.memberStatus(ADA)).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void resendSendsThePendingInvitationAgain() {
    brevo.team.invite(ADA, "viewer");
    brevo.team.resend(ADA);
    assertThat(brevo.fake.member(ADA).orElseThrow().resendCount()).isEqualTo(1);
  }

  @Test
  void resendWithoutPendingInvitationIsRejected() {
    assertThatThrownBy(() -> brevo.team.resend(ADA))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("no pending invitation");
  }

  @Test
  void cancelWithdrawsAPendingInvitation() {
    brevo.team.invite(ADA, "viewer");
    assertThat(brevo.team.cancel(ADA)).isEqualTo(MemberStatus.PENDING);
    assertThat(brevo.fake.member(ADA)).isEmpty();
  }

  @Test
  void cancelWhenNothingIsPendingDoesNothing() {
    assertThat(brevo.team.cancel(ADA)).isEqualTo(MemberStatus.ABSENT);
    brevo.team.invite(ADA, "viewer");
    brevo.fake.acceptInvitation(ADA);
    assertThat(brevo.team.cancel(ADA)).isEqualTo(MemberStatus.ACTIVE);

    assertThat(brevo.fake.calls("PUT", CANCEL)).isZero();
    assertThat(brevo.fake.member(ADA).orElseThrow().isActive()).isTrue();
  }

  @Test
  void removeRevokesAnActiveMemberAndIsIdempotent() {
    brevo.team.invite(ADA, "viewer");
    brevo.fake.acceptInvitation(ADA);

    brevo.team.remove(ADA);
    brevo.team.remove(ADA);

    assertThat(brevo.fake.member(ADA)).isEmpty();
    assertThat(brevo.fake.calls("PUT", REVOKE)).isEqualTo(1);
  }

  @Test
  void removeOfAPendingInviteeCancelsTheInvitation() {
    brevo.team.invite(ADA, "viewer");
    brevo.team.remove(ADA);
    assertThat(brevo.fake.member(ADA)).isEmpty();
    assertThat(brevo.fake.calls("PUT", REVOKE)).isZero();
  }

  @Test
  void removingTheAccountOwnerIsRejected() {
    String owner =
        brevo.fake.members().stream().filter(Member::owner).findFirst().orElseThrow().email();
    assertThatThrownBy(() -> brevo.team.remove(owner)).isInstanceOf(Rejected.class);
    assertThat(brevo.fake.calls("PUT", REVOKE)).isZero();
  }

  @Test
  void changeRoleUpdatesAnActiveUserAndReissuesAPendingInvitation() {
    brevo.team.invite(ADA, "viewer");
    assertThat(brevo.team.changeRole(ADA, "editor")).isEqualTo(RoleChange.REINVITED);
    Member reissued = brevo.fake.member(ADA).orElseThrow();
    assertThat(reissued.isPending()).isTrue();
    assertThat(reissued.privileges())
        .extracting(Member.Privilege::feature)
        .containsExactlyInAnyOrder("email_campaigns", "contacts", "templates");

    brevo.fake.acceptInvitation(ADA);
    assertThat(brevo.team.changeRole(ADA, "viewer")).isEqualTo(RoleChange.CHANGED);
    assertThat(brevo.fake.member(ADA).orElseThrow().privileges())
        .containsExactly(new Member.Privilege("contacts", List.of("view")));
    assertThat(brevo.team.changeRole(ADA, "admin")).isEqualTo(RoleChange.CHANGED);
    assertThat(brevo.fake.member(ADA).orElseThrow().allFeaturesAccess()).isTrue();
  }

  @Test
  void changeRoleLeavesStrangersAndTheOwnerAlone() {
    assertThat(brevo.team.changeRole(ADA, "admin")).isEqualTo(RoleChange.ABSENT);
    assertThat(brevo.fake.member(ADA)).isEmpty();
    assertThatThrownBy(() -> brevo.team.changeRole("owner@sandbox.example", "viewer"))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> brevo.team.changeRole(ADA, "boss")).isInstanceOf(Rejected.class);
  }

  @Test
  void aPermissionsUpdateThatDoesNotReadBackIsRetryable() {
    brevo.team.invite(ADA, "editor");
    brevo.fake.acceptInvitation(ADA);
    // Acknowledged without being applied: only the read-back can tell.
    brevo
        .fake
        .faults()
        .on("POST", "/v3/organization/user/update/permissions")
        .failNext(1, 200, Map.of("Content-Type", "application/json"), "{\"status\":\"OK\"}");

    assertThatThrownBy(() -> brevo.team.changeRole(ADA, "viewer"))
        .isInstanceOf(VendorUnavailable.class)
        .hasMessageContaining("do not read back");
    assertThat(brevo.fake.member(ADA).orElseThrow().privileges()).hasSize(3);
  }
}
