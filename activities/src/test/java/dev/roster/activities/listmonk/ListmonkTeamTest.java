package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Rejected;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.listmonk.User;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListmonkTeamTest {
  private static final String ADA = "ada+ops@example.com";

  private final ListmonkFixture listmonk = ListmonkFixture.start();

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void inviteCreatesAnEnabledUserWithTheMappedRole() {
    InviteOutcome outcome = listmonk.team.invite(ADA, "editor");

    assertThat(outcome).isEqualTo(InviteOutcome.ACTIVE);
    User user = listmonk.fake.user(ADA).orElseThrow();
    assertThat(user.isEnabled()).isTrue();
    assertThat(user.type()).isEqualTo("user");
    assertThat(user.userRoleName()).isEqualTo("Editor");
    assertThat(user.username()).isEqualTo("ada_ops@example.com");
  }

  @Test
  void adminMapsToSuperAdminAndViewerToViewer() {
    listmonk.team.invite("boss@example.com", "ADMIN");
    listmonk.team.invite("reader@example.com", "viewer");

    assertThat(listmonk.fake.user("boss@example.com").orElseThrow().userRoleName())
        .isEqualTo("Super Admin");
    assertThat(listmonk.fake.user("reader@example.com").orElseThrow().userRoleName())
        .isEqualTo("Viewer");
  }

  @Test
  void repeatedInviteIsAlreadyActiveAndCreatesNothing() {
    listmonk.team.invite(ADA, "viewer");

    InviteOutcome again = listmonk.team.invite(ADA.toUpperCase(), "viewer");

    assertThat(again).isEqualTo(InviteOutcome.ALREADY_ACTIVE);
    assertThat(listmonk.fake.calls("POST", "/api/users")).isEqualTo(1);
  }

  @Test
  void inviteOfADisabledUserReEnablesIt() {
    listmonk.team.invite(ADA, "viewer");
    User user = listmonk.fake.user(ADA).orElseThrow();
    listmonk
        .client
        .users()
        .updateUser(
            listmonk.client.users().listUsers().stream()
                .filter(u -> u.id() == user.id())
                .findFirst()
                .orElseThrow(),
            "disabled",
            user.userRoleId());

    InviteOutcome outcome = listmonk.team.invite(ADA, "editor");

    assertThat(outcome).isEqualTo(InviteOutcome.ACTIVE);
    assertThat(listmonk.fake.user(ADA).orElseThrow().isEnabled()).isTrue();
    assertThat(listmonk.fake.user(ADA).orElseThrow().userRoleName()).isEqualTo("Editor");
  }

  @Test
  void unknownRoleIsRejectedBeforeAnyWrite() {
    assertThatThrownBy(() -> listmonk.team.invite(ADA, "owner")).isInstanceOf(Rejected.class);
    assertThat(listmonk.fake.calls("POST", "/api/users")).isZero();
  }

  @Test
  void listMembersShowsPeopleNotApiUsersAndDisabledAsAbsent() {
    listmonk.team.invite(ADA, "viewer");
    listmonk.team.invite("bob@example.com", "viewer");
    listmonk.client.users().listUsers().stream()
        .filter(u -> "bob@example.com".equals(u.email()))
        .forEach(u -> listmonk.client.users().updateUser(u, "disabled", u.userRoleId()));

    assertThat(listmonk.team.listMembers())
        .containsExactlyInAnyOrder(
            new MemberEntry("admin@listmonk.example", MemberStatus.ACTIVE),
            new MemberEntry(ADA, MemberStatus.ACTIVE),
            new MemberEntry("bob@example.com", MemberStatus.ABSENT));
    assertThat(listmonk.team.memberStatus("bob@example.com")).isEqualTo(MemberStatus.ABSENT);
    assertThat(listmonk.team.memberStatus(ADA)).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void resendIsRejectedAndCancelIsANoOp() {
    listmonk.team.invite(ADA, "viewer");

    assertThatThrownBy(() -> listmonk.team.resend(ADA)).isInstanceOf(Rejected.class);
    assertThat(listmonk.team.cancel(ADA)).isEqualTo(MemberStatus.ACTIVE);
    assertThat(listmonk.team.cancel("nobody@example.com")).isEqualTo(MemberStatus.ABSENT);
    assertThat(listmonk.fake.user(ADA).orElseThrow().isEnabled()).isTrue();
  }

  @Test
  void removeDisablesThenDeletesAndIsIdempotent() {
    listmonk.team.invite(ADA, "editor");
    listmonk.fake.resetCounters();

    listmonk.team.remove(ADA);
    listmonk.team.remove(ADA);

    assertThat(listmonk.fake.user(ADA)).isEmpty();
    assertThat(listmonk.fake.calls("PUT", "/api/users/{id}")).isEqualTo(1);
    assertThat(listmonk.fake.calls("DELETE", "/api/users/{id}")).isEqualTo(1);
  }

  @Test
  void removingTheLastSuperAdminIsRejectedAndLeavesItEnabled() {
    var permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    try (ListmonkFixture limited =
        ListmonkFixture.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      assertThatThrownBy(() -> limited.team.remove("admin@listmonk.example"))
          .isInstanceOf(Rejected.class)
          .satisfies(e -> assertThat(((Rejected) e).status()).isEqualTo(400));
      assertThat(limited.fake.user("admin").orElseThrow().isEnabled()).isTrue();
    }
  }

  @Test
  void changeRoleSetsTheUserRoleAndLeavesOthersAlone() {
    listmonk.team.invite(ADA, "editor");

    assertThat(listmonk.team.changeRole(ADA, "viewer")).isEqualTo(RoleChange.CHANGED);
    User changed = listmonk.fake.user(ADA).orElseThrow();
    assertThat(changed.userRoleName()).isEqualTo("Viewer");
    assertThat(changed.isEnabled()).isTrue();

    assertThat(listmonk.team.changeRole("nobody@example.com", "admin"))
        .isEqualTo(RoleChange.ABSENT);
    assertThatThrownBy(() -> listmonk.team.changeRole(ADA, "owner")).isInstanceOf(Rejected.class);
    assertThat(listmonk.fake.user(ADA).orElseThrow().userRoleName()).isEqualTo("Viewer");
  }
}
