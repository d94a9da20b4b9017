package dev.roster.worker.vendors;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A step that finds its own earlier write gone at the vendor writes it again instead of failing: a
 * contact the vendor answered for without keeping it is written again before the list step, and an
 * invitation that vanished is sent once more (a second disappearance is someone's intent).
 */
class LostWritesOnboardingTest {
  private static final String ADA = "ada@example.com";
  private static final String INVITE = "/v3/organization/user/invitation/send";

  @Test
  @Timeout(120)
  void aContactTheVendorDidNotKeepIsWrittenAgainBeforeTheListStep() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, null)) {
      loseNextMailjetCreate(world);

      // Without names there are no contact properties: the contact step ends with the create.
      OnboardResult result = onboardContactOnly(world, new Person(ADA, null, null));

      assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
      assertThat(world.mailjet.contact(ADA)).isPresent();
      assertThat(world.mailjet.listMemberEmails(MAILJET_LIST)).containsExactly(ADA);
      Step lists = step(result, MAILJET, "lists");
      assertThat(lists.state()).isEqualTo(StepState.DONE);
      assertThat(lists.detail()).contains("written again");
      Histories.record(
          world.client, "onboard-lost-contact", null, "onboard-contact-rewritten.json");
    }
  }

  @Test
  @Timeout(120)
  void aContactStepThatFindsItsCreateGoneCreatesItAgain() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, null)) {
      loseNextMailjetCreate(world);

      // With names the step writes properties on the created id, finds it gone and retries.
      OnboardResult result = onboardContactOnly(world, FourVendorsTestbed.person(ADA));

      assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
      assertThat(world.mailjet.contact(ADA)).isPresent();
      assertThat(world.mailjet.calls("POST", "/v3/REST/contact")).isEqualTo(2);
      assertThat(world.mailjet.listMemberEmails(MAILJET_LIST)).containsExactly(ADA);
    }
  }

  /** Mailjet answers the next create with a well-formed 201 for Ada but keeps nothing. */
  private static void loseNextMailjetCreate(FourVendorsTestbed world) {
    world
        .mailjet
        .faults()
        .on("POST", "/v3/REST/contact")
        .failNext(
            1,
            201,
            Map.of("Content-Type", "application/json"),
            "{\"Count\":1,\"Data\":[{\"ID\":4242,\"Email\":\"" + ADA + "\"}],\"Total\":1}");
  }

  private static OnboardResult onboardContactOnly(FourVendorsTestbed world, Person person) {
    OnboardUserWorkflow stub =
        world.start(
            "onboard-lost-contact",
            new OnboardRequest(
                person,
                List.of(new Assignment(MAILJET, null, List.of(Long.toString(MAILJET_LIST)), null)),
                null,
                "carol"));
    return WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
  }

  @Test
  @Timeout(120)
  void anInvitationThatVanishedIsSentOnceMoreAndASecondDisappearanceFails() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, null)) {
      OnboardUserWorkflow stub = world.startOnboarding(ADA, BREVO);
      world.env.sleep(Duration.ofMinutes(10));
      assertThat(world.brevo.member(ADA).orElseThrow().status()).isEqualTo("pending");

      world.brevo.cancelInvitationByHand(ADA);
      world.env.sleep(Duration.ofHours(2)); // the watcher's hourly listing finds it gone
      assertThat(world.brevo.calls("POST", INVITE)).isEqualTo(2);
      assertThat(world.brevo.member(ADA).orElseThrow().status()).isEqualTo("pending");
      assertThat(stub.status().accounts().get(0).outcome()).isEqualTo(StepState.PENDING);

      world.brevo.cancelInvitationByHand(ADA);
      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);

      assertThat(result.outcome()).isEqualTo("FAILED");
      assertThat(world.brevo.calls("POST", INVITE)).isEqualTo(2);
      Step acceptance = step(result, BREVO, "acceptance");
      assertThat(acceptance.state()).isEqualTo(StepState.FAILED);
      assertThat(acceptance.detail()).contains("disappeared again");
      Histories.record(
          world.client, FourVendorsTestbed.onboardingId(ADA), null, "onboard-reinvited.json");
    }
  }

  private static Step step(OnboardResult result, String account, String name) {
    AccountReport report =
        result.status().accounts().stream()
            .filter(r -> r.account().equals(account))
            .findFirst()
            .orElseThrow();
    return FourVendorsTestbed.step(report, name);
  }
}
