package dev.roster.workflows.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.approval.ApprovalPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an amendment may add to a running onboarding, and what it is refused. */
class OnboardAmendmentsTest {
  private static final ApprovalPolicy POLICY =
      new ApprovalPolicy(List.of("admin"), Duration.ofDays(7), Duration.ofDays(1));
  private static final Map<String, Assignment> RUNNING =
      OnboardAmendments.byAccount(
          List.of(new Assignment("brevo-main", "viewer", List.of("2"), null)));

  private static List<String> problems(Assignment... added) {
    return OnboardAmendments.problems(
        new OnboardAmendment(List.of(added), "carol", "cli"), RUNNING, POLICY, null);
  }

  @Test
  void newListsOnARunningAccountAndNewAccountsAreAccepted() {
    assertThat(problems(new Assignment("brevo-main", null, List.of("2", "7"), null))).isEmpty();
    assertThat(problems(new Assignment("brevo-main", "Viewer", List.of("7"), null))).isEmpty();
    assertThat(problems(new Assignment("listmonk-main", "editor", List.of("3"), null))).isEmpty();
    assertThat(
            OnboardAmendments.newLists(
                RUNNING.get("brevo-main"),
                new Assignment("brevo-main", null, List.of("2", "7"), null)))
        .containsExactly("7");
  }

  @Test
  void roleChangesPrivilegedRolesAndNothingNewAreRefused() {
    assertThat(problems(new Assignment("brevo-main", "editor", List.of("7"), null)))
        .singleElement()
        .asString()
        .contains("brevo-main runs with role viewer")
        .contains("does not change a role");
    assertThat(problems(new Assignment("listmonk-main", "admin", List.of(), null)))
        .singleElement()
        .asString()
        .contains("admin needs an approval of its own");
    assertThat(problems(new Assignment("brevo-main", null, List.of("2"), null)))
        .containsExactly("assignments: nothing to add, the running request already has all of it");
    assertThat(problems(new Assignment("brevo-main", null, List.of("x"), null)))
        .anySatisfy(p -> assertThat(p).contains("'x' is not a list id"));
  }

  @Test
  void anEndedOrWithdrawnRequestTakesNoAmendment() {
    assertThat(
            OnboardAmendments.problems(
                new OnboardAmendment(
                    List.of(new Assignment("listmonk-main", null, List.of("3"), null)),
                    "carol",
                    "cli"),
                RUNNING,
                POLICY,
                "it was withdrawn by dave"))
        .containsExactly("the request cannot be amended: it was withdrawn by dave");
    assertThat(
            OnboardAmendments.problems(
                new OnboardAmendment(List.of(), "carol", "cli"), RUNNING, POLICY, null))
        .containsExactly("assignments: nothing to add");
  }
}
