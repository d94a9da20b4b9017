package dev.roster.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.brevo.BrevoClient;
import dev.roster.activities.brevo.BrevoContacts;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.mailersend.MailerSendConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offboarding contact activities as Temporal runs them, routed by account. */
class ContactActivitiesOnTemporalTest {
  private static final String ADA = "ada@example.com";
  private static final String OWNER = "owner@sandbox.example";

  private FakeBrevo brevo;
  private FakeMailerSend mailerSend;
  private TestActivityEnvironment env;
  private ContactActivities activities;

  @BeforeEach
  void start() {
    brevo = FakeBrevo.start();
    mailerSend = FakeMailerSend.start();
    BrevoClient client =
        new BrevoClient(
            HttpUrl.get(brevo.baseUrl()),
            new Secret(brevo.apiKey()),
            RateBudget.of(
                "brevo", "brevo-main/organization", new RateBudget.Limit(100, Duration.ofHours(1))),
            // The fake's own (Brevo's) contacts limit, as the worker would keep it.
            RateBudget.of(
                "brevo",
                "brevo-main/contacts",
                RateBudget.Limit.vendorLimit(10, Duration.ofSeconds(1))),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    ContactConnector ms =
        MailerSendConnector.create(
                mailerSend.baseUrl(),
                new Secret(mailerSend.token()),
                RateBudget.of(
                    "mailersend", "ms-main/api", new RateBudget.Limit(100, Duration.ofSeconds(1))))
            .contacts();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new ContactActivitiesImpl(Map.of("brevo-main", new BrevoContacts(client), "ms-main", ms)));
    activities =
        env.newActivityStub(
            ContactActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() {
    env.close();
    brevo.close();
    mailerSend.close();
  }

  @Test
  void offboardingOperationsReachTheAccountsConnector() {
    activities.upsertContact("brevo-main", new ContactData(ADA, "Ada", null, Map.of()));
    activities.subscribe("brevo-main", ADA, List.of("2"));

    assertThat(activities.findContact("brevo-main", ADA))
        .isEqualTo(new ContactFootprint(true, List.of("2"), false));
    assertThat(activities.unsubscribeAll("brevo-main", ADA)).isEqualTo(1);
    assertThat(activities.suppress("brevo-main", ADA)).isTrue();
    assertThat(activities.erase("brevo-main", ADA).result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(brevo.contact(ADA)).isEmpty();
  }

  @Test
  void mailerSendIsRoutedAsAContactConnectorToo() {
    assertThat(activities.suppress("ms-main", ADA)).isTrue();
    assertThat(activities.findContact("ms-main", ADA))
        .isEqualTo(new ContactFootprint(false, List.of(), true));
    assertThat(activities.unsubscribeAll("ms-main", ADA)).isZero();
    assertThat(activities.erase("ms-main", ADA).result()).isEqualTo(EraseOutcome.Result.ABSENT);
  }

  @Test
  void anUndeletableContactIsAResultNotAFailure() {
    activities.upsertContact("brevo-main", new ContactData(OWNER, "Olive", null, Map.of()));

    EraseOutcome outcome = activities.erase("brevo-main", OWNER);

    assertThat(outcome.result()).isEqualTo(EraseOutcome.Result.UNDELETABLE);
    assertThat(brevo.contact(OWNER)).isPresent();
  }

  @Test
  void unknownAccountFailsEveryNewOperationNonRetryably() {
    List<Consumer<ContactActivities>> calls =
        List.of(
            a -> a.findContact("nope", ADA),
            a -> a.unsubscribeAll("nope", ADA),
            a -> a.suppress("nope", ADA),
            a -> a.erase("nope", ADA));
    for (Consumer<ContactActivities> call : calls) {
      ApplicationFailure cause = failureOf(() -> call.accept(activities));
      assertThat(cause.getType()).isEqualTo(FailureTypes.UNKNOWN_ACCOUNT);
      assertThat(cause.isNonRetryable()).isTrue();
    }
  }

  @Test
  void vendorTroubleDuringErasureIsRetryable() {
    activities.upsertContact("brevo-main", new ContactData(ADA, "Ada", null, Map.of()));
    brevo.faults().failNext(1, 503);

    ApplicationFailure cause = failureOf(() -> activities.erase("brevo-main", ADA));

    assertThat(cause.getType()).isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    assertThat(cause.isNonRetryable()).isFalse();
    assertThat(brevo.contact(ADA)).isPresent();
  }

  private static ApplicationFailure failureOf(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, call::run);
    return (ApplicationFailure) failure.getCause();
  }
}
