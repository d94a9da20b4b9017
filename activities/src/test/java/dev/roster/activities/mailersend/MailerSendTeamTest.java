package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.Rejected;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailersend.User;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailerSendTeamTest {
  private static final String INVITE = "/v1/users";
  private static final String ADA = "ada+team@example.com";

  private MailerSendFixture ms;

  @BeforeEach
  void start() {
    ms = MailerSendFixture.start();
  }

  @AfterEach
  void stop() {
    ms.close();
  }

  @Test
  void rolesMapToMailerSendRoles() {
    assertThat(ms.team.invite("a@example.com", "Admin")).isEqualTo(InviteOutcome.INVITED);
    ms.team.invite("e@example.com", "editor");
    ms.team.invite("v@example.com", "viewer");

    assertThat(ms.fake.invite("a@example.com").orElseThrow().role()).isEqualTo("Admin");
    assertThat(ms.fake.invite("e@example.com").orElseThrow().role()).isEqualTo("Manager");
    var viewer = ms.fake.invite("v@example.com").orElseThrow();
    assertThat(viewer.role()).isEqualTo("Custom User");
    assertThat(viewer.permissions()).allMatch(p -> p.startsWith("read-"));
  }

  @Test
  void unknownRoleIsRejectedBeforeAnyCall() {
    catchThrowableOfType(Rejected.class, () -> ms.team.invite(ADA, "owner"));
    assertThat(ms.fake.totalCalls()).isZero();
  }

  @Test
  void invitingTwiceReportsPendingWithoutSecondInvite() {
    ms.team.invite(ADA, "viewer");

    assertThat(ms.team.invite(ADA.toUpperCase(), "viewer"))
        .isEqualTo(InviteOutcome.ALREADY_PENDING);
    assertThat(ms.fake.calls("POST", INVITE)).isEqualTo(1);
  }

  @Test
  void invitingAnActiveUserReportsAlreadyActive() {
    ms.team.invite(ADA, "viewer");
    ms.fake.acceptInvite(ADA);

    assertThat(ms.team.invite(ADA, "editor")).isEqualTo(InviteOutcome.ALREADY_ACTIVE);
    assertThat(ms.team.invite(FakeMailerSend.OWNER_EMAIL, "admin"))
        .isEqualTo(InviteOutcome.ALREADY_ACTIVE);
    assertThat(ms.fake.calls("POST", INVITE)).isEqualTo(1);
  }

  @Test
  void rejectedInviteCarriesTheFieldMessages() {
    Rejected e = catchThrowableOfType(Rejected.class, () -> ms.team.invite("ada@", "viewer"));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.vendorMessage()).isEqualTo("email: The email must be a valid email address.");

    ms.team.invite(ADA, "viewer");
    Rejected taken =
        catchThrowableOfType(Rejected.class, () -> ms.client.inviteUser(ADA, "Admin", List.of()));
    assertThat(taken.vendorMessage()).isEqualTo("email: The email has already been taken.");
    Rejected role =
        catchThrowableOfType(
            Rejected.class, () -> ms.client.inviteUser("b@example.com", "Boss", null));
    assertThat(role.vendorMessage()).isEqualTo("role: The selected role is invalid.");
  }

  @Test
  void listMembersHasUsersActiveAndInvitesPending() {
    ms.team.invite(ADA, "viewer");
    ms.team.invite("bob@example.com", "editor");
    ms.fake.acceptInvite("bob@example.com");

    assertThat(ms.team.listMembers())
        .containsExactlyInAnyOrder(
            new MemberEntry(FakeMailerSend.OWNER_EMAIL, MemberStatus.ACTIVE),
            new MemberEntry("bob@example.com", MemberStatus.ACTIVE),
            new MemberEntry(ADA, MemberStatus.PENDING));
    assertThat(ms.team.memberStatus(ADA)).isEqualTo(MemberStatus.PENDING);
    assertThat(ms.team.memberStatus("bob@example.com")).isEqualTo(MemberStatus.ACTIVE);
    assertThat(ms.team.memberStatus("nobody@example.com")).isEqualTo(MemberStatus.ABSENT);
  }

  @Test
  void anInviteAcceptedWhileTheListingRunsIsActiveNotGone() {
    // The fake's clock jumps past acceptAfter once the listing's first request has arrived: the
    // person accepts between the two requests of one listing, as a real person may.
    Instant invitedAt = Instant.parse("2026-01-05T10:00:00Z");
    FakeMailerSend[] fake = new FakeMailerSend[1];
    boolean[] listing = {false};
    Supplier<Instant> clock =
        () ->
            listing[0] && fake[0].totalCalls() > 1
                ? invitedAt.plus(Duration.ofHours(1))
                : invitedAt;
    ms.close();
    ms =
        MailerSendFixture.start(
            FakeMailerSend.Options.builder()
                .clock(clock)
                .acceptAfter(Duration.ofMinutes(30))
                .build());
    fake[0] = ms.fake;
    ms.team.invite(ADA, "viewer");
    ms.fake.resetCounters();
    listing[0] = true;

    assertThat(ms.team.listMembers())
        .contains(new MemberEntry(ADA, MemberStatus.ACTIVE))
        .doesNotContain(new MemberEntry(ADA, MemberStatus.PENDING));
    assertThat(ms.fake.user(ADA)).isPresent();
  }

  @Test
  void listingsFollowEveryPage() {
    ms.close();
    ms =
        MailerSendFixture.start(
            FakeMailerSend.Options.builder().rateLimit(1000, Duration.ofMinutes(1)).build());
    for (int i = 0; i < 130; i++) {
      ms.client.inviteUser("p" + i + "@example.com", "Designer", List.of());
    }

    assertThat(ms.client.listInvites()).hasSize(130);
    assertThat(ms.fake.calls("GET", "/v1/invites")).isEqualTo(2);
  }

  @Test
  void resendFindsTheInviteByEmail() {
    ms.team.invite(ADA, "viewer");

    ms.team.resend(ADA);

    assertThat(ms.fake.invite(ADA).orElseThrow().resendCount()).isEqualTo(1);
    Rejected e = catchThrowableOfType(Rejected.class, () -> ms.team.resend("x@example.com"));
    assertThat(e.vendorMessage()).contains("no pending invite");
  }

  @Test
  void cancelIsIdempotentAndReportsWhereThePersonStood() {
    ms.team.invite(ADA, "viewer");

    assertThat(ms.team.cancel(ADA)).isEqualTo(MemberStatus.PENDING);
    assertThat(ms.fake.invite(ADA)).isEmpty();
    assertThat(ms.team.cancel(ADA)).isEqualTo(MemberStatus.ABSENT);
    assertThat(ms.team.cancel(FakeMailerSend.OWNER_EMAIL)).isEqualTo(MemberStatus.ACTIVE);
    assertThat(ms.fake.calls("DELETE", "/v1/invites/{id}")).isEqualTo(1);
  }

  @Test
  void removeDeletesUsersCancelsInvitesAndIsIdempotent() {
    ms.team.invite(ADA, "viewer");
    ms.team.invite("bob@example.com", "editor");
    ms.fake.acceptInvite("bob@example.com");

    ms.team.remove("bob@example.com");
    ms.team.remove(ADA);
    ms.team.remove(ADA);
    ms.team.remove("never@example.com");

    assertThat(ms.fake.users()).extracting(User::email).containsExactly(FakeMailerSend.OWNER_EMAIL);
    assertThat(ms.fake.invites()).isEmpty();
  }

  @Test
  void removingTheOwnerIsRejected() {
    Rejected e =
        catchThrowableOfType(Rejected.class, () -> ms.team.remove(FakeMailerSend.OWNER_EMAIL));

    assertThat(e.status()).isEqualTo(403);
    assertThat(ms.fake.user(FakeMailerSend.OWNER_EMAIL)).isPresent();
  }

  @Test
  void updateAndGetUser() {
    ms.team.invite(ADA, "viewer");
    ms.fake.acceptInvite(ADA);
    String id = ms.fake.user(ADA).orElseThrow().id();

    ms.client.updateUser(id, "Manager", List.of());

    assertThat(ms.client.getUser(id).role()).isEqualTo("Manager");
    assertThat(ms.fake.user(ADA).orElseThrow().role()).isEqualTo("Manager");
  }

  @Test
  void capabilitiesAreInvitationOnly() {
    assertThat(ms.team.capabilities()).isEqualTo(MailerSendConnector.CAPABILITIES);
    assertThat(ms.team.capabilities().contacts()).isFalse();
    assertThat(ms.team.capabilities().lists()).isFalse();
    assertThat(ms.team.teamFamily()).isEqualTo("api");
  }

  @Test
  void changeRoleUpdatesAUserAndReissuesAPendingInviteOnce() {
    ms.team.invite(ADA, "viewer");
    String firstInvite = ms.fake.invite(ADA).orElseThrow().id();

    assertThat(ms.team.changeRole(ADA, "editor")).isEqualTo(RoleChange.REINVITED);
    assertThat(ms.fake.invites())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.role()).isEqualTo("Manager");
              assertThat(i.id()).isNotEqualTo(firstInvite);
            });
    String second = ms.fake.invite(ADA).orElseThrow().id();
    assertThat(ms.team.changeRole(ADA, "editor")).isEqualTo(RoleChange.REINVITED);
    assertThat(ms.fake.invite(ADA).orElseThrow().id())
        .as("same role: not sent again")
        .isEqualTo(second);

    ms.fake.acceptInvite(ADA);
    assertThat(ms.team.changeRole(ADA, "viewer")).isEqualTo(RoleChange.CHANGED);
    User viewer = ms.fake.user(ADA).orElseThrow();
    assertThat(viewer.role()).isEqualTo("Custom User");
    assertThat(viewer.permissions()).contains("read-recipient");
    assertThat(ms.team.changeRole("nobody@example.com", "admin")).isEqualTo(RoleChange.ABSENT);
  }
}
