package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListmonkFailuresTest {
  private final ListmonkFixture listmonk = ListmonkFixture.start();

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void wrongToken403IsAuthFailedAndNotRetryable() {
    ListmonkClient wrong = ListmonkFixture.client(listmonk.fake, "roster", "wrong-token");

    AuthFailed e = catchThrowableOfType(AuthFailed.class, wrong.users()::listUsers);

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.vendorMessage()).isEqualTo("invalid API credentials");
    assertThat(e.getMessage()).doesNotContain("wrong-token");
    ApplicationFailure f = ActivityFailures.toApplicationFailure(e);
    assertThat(f.getType()).isEqualTo(FailureTypes.AUTH_FAILED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void permissionDenied403IsNotAuthFailedButANonRetryableRejection() {
    var permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    permissions.remove("users:manage");
    try (ListmonkFixture limited =
        ListmonkFixture.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      ListmonkPermissionDenied e =
          catchThrowableOfType(
              ListmonkPermissionDenied.class, () -> limited.team.invite("a@example.com", "viewer"));

      assertThat(e.permission()).isEqualTo("users:manage");
      ApplicationFailure f = ActivityFailures.toApplicationFailure(e);
      assertThat(f.getType()).isEqualTo(FailureTypes.REJECTED);
      assertThat(f.isNonRetryable()).isTrue();
    }
  }

  @Test
  void duplicateSubscriberIsConflictOnTheClient() {
    listmonk.client.createSubscriber("ada@example.com", "Ada", Map.of(), List.of());

    assertThatThrownBy(
            () -> listmonk.client.createSubscriber("ada@example.com", "Ada", Map.of(), List.of()))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void other400sStayRejected() {
    assertThatThrownBy(
            () -> listmonk.client.changeLists(List.of(), "add", List.of(3L), "confirmed"))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("No IDs given.");
  }

  @Test
  void serverErrorsAndDropsAreRetryable() {
    // The drop meets a pooled connection, which the client sends on once more, fresh: drop that
    // one too.
    listmonk.fake.faults().failNext(1, 502).dropNext(2);

    assertThatThrownBy(listmonk.team::listMembers).isInstanceOf(VendorUnavailable.class);
    assertThatThrownBy(listmonk.team::listMembers).isInstanceOf(VendorUnavailable.class);
    assertThat(listmonk.team.listMembers()).isNotEmpty();
  }
}
