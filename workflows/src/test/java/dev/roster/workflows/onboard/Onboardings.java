package dev.roster.workflows.onboard;

import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.Step;
import io.temporal.client.WorkflowStub;
import java.util.List;

/** Requests and report look-ups for the onboarding tests. */
final class Onboardings {
  static final String ADA = "ada@example.com";

  static OnboardRequest request(Assignment... assignments) {
    return new OnboardRequest(
        new Person(ADA, "Ada", "Lovelace"), List.of(assignments), null, "carol");
  }

  static Assignment team(String account, String role, String... lists) {
    return new Assignment(account, role, List.of(lists), null);
  }

  static AccountReport account(OnboardStatus status, String account) {
    return status.accounts().stream()
        .filter(a -> a.account().equals(account))
        .findFirst()
        .orElseThrow();
  }

  static Step step(OnboardStatus status, String account, String step) {
    return account(status, account).steps().stream()
        .filter(s -> s.name().equals(step))
        .findFirst()
        .orElseThrow();
  }

  static OnboardResult result(OnboardUserWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
  }

  private Onboardings() {}
}
