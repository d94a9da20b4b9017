package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.brevo.Contact;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery, unlinking, blacklist and erasure over real HTTP, asserted on the fake's state. */
class BrevoOffboardingTest {
  private static final String ADA = "ada+news@example.com";
  private static final String OWNER = "owner@sandbox.example";

  private BrevoFixture brevo;

  @BeforeEach
  void start() {
    brevo = BrevoFixture.start(options().build(), null);
  }

  /** Brevo's 10 per second would make these call-heavy tests timing-sensitive. */
  private static FakeBrevo.Options.Builder options() {
    return FakeBrevo.Options.builder().contactsLimit(1000, Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    brevo.close();
  }

  private void subscribedAda() {
    brevo.contacts.upsert(new ContactData(ADA, "Ada", "Lovelace", null));
    brevo.contacts.subscribe(ADA, List.of("2", "7"));
  }

  @Test
  void declaresEveryContactCapability() {
    assertThat(brevo.contacts.capabilities())
        .isEqualTo(new Capabilities(Capabilities.TeamInvite.INVITATION, true, true, true, true));
  }

  @Test
  void findContactOfAnUnknownPersonIsAbsent() {
    assertThat(brevo.contacts.findContact(ADA)).isEqualTo(ContactFootprint.absent());
  }

  @Test
  void findContactLeavesOutListsThePersonUnsubscribedFrom() {
    subscribedAda();
    brevo.fake.unsubscribeFromList(ADA, 7);

    assertThat(brevo.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of("2"), false));
  }

  @Test
  void findContactShowsTheBlacklist() {
    subscribedAda();
    brevo.contacts.suppress(ADA);

    assertThat(brevo.contacts.findContact(ADA))
        .isEqualTo(new ContactFootprint(true, List.of("2", "7"), true));
  }

  @Test
  void unsubscribeAllUnlinksEveryListInOneCallThenReturnsZero() {
    subscribedAda();

    assertThat(brevo.contacts.unsubscribeAll(ADA)).isEqualTo(2);
    assertThat(brevo.contacts.unsubscribeAll(ADA)).isZero();
    assertThat(brevo.contacts.unsubscribeAll("nobody@example.com")).isZero();

    assertThat(brevo.fake.contact(ADA).orElseThrow().listIds()).isEmpty();
    assertThat(brevo.fake.calls("PUT", "/v3/contacts/{identifier}")).isEqualTo(1);
  }

  @Test
  void suppressBlacklistsOnceAndNeverCreatesAContact() {
    subscribedAda();

    assertThat(brevo.contacts.suppress(ADA)).isTrue();
    assertThat(brevo.contacts.suppress(ADA)).isFalse();
    assertThat(brevo.contacts.suppress("stranger@example.com")).isFalse();

    assertThat(brevo.fake.contact(ADA).orElseThrow().emailBlacklisted()).isTrue();
    assertThat(brevo.fake.contact("stranger@example.com")).isEmpty();
  }

  @Test
  void eraseDeletesTheContactAndASecondEraseIsAbsent() {
    subscribedAda();

    EraseOutcome first = brevo.contacts.erase(ADA);
    EraseOutcome second = brevo.contacts.erase(ADA);

    assertThat(first.result()).isEqualTo(EraseOutcome.Result.ERASED);
    assertThat(second.result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(brevo.fake.contact(ADA)).isEmpty();
    assertThat(brevo.fake.listMemberEmails(2)).isEmpty();
  }

  @Test
  void theRegisteredAddressIsUndeletableAndLeftAsItWas() {
    brevo.contacts.upsert(new ContactData(OWNER, "Olive", "Owner", null));
    brevo.contacts.subscribe(OWNER, List.of("2"));
    Contact before = brevo.fake.contact(OWNER).orElseThrow();

    EraseOutcome outcome = brevo.contacts.erase(OWNER);

    assertThat(outcome.result()).isEqualTo(EraseOutcome.Result.UNDELETABLE);
    assertThat(outcome.detail()).isNotBlank();
    assertThat(brevo.fake.contact(OWNER)).contains(before);
  }

  @Test
  void theRegisteredAddressIsConfigurable() {
    brevo.close();
    brevo = BrevoFixture.start(options().registeredEmail(ADA).build(), null);
    subscribedAda();
    brevo.contacts.upsert(new ContactData(OWNER, "Olive", null, null));

    assertThat(brevo.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.UNDELETABLE);
    assertThat(brevo.contacts.erase(OWNER).result()).isEqualTo(EraseOutcome.Result.ERASED);
  }

  @Test
  void aContactStillReadableAfterItsDeletionIsRetryable() {
    // Brevo answers 204, but a replica still serves the contact on the read-back.
    AtomicReference<String> lastRead = new AtomicReference<>();
    AtomicBoolean deleted = new AtomicBoolean();
    AtomicBoolean served = new AtomicBoolean();
    Interceptor stale =
        chain -> {
          String method = chain.request().method();
          if (method.equals("GET") && deleted.get() && served.compareAndSet(false, true)) {
            return new Response.Builder()
                .request(chain.request())
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(lastRead.get(), MediaType.get("application/json")))
                .build();
          }
          Response response = chain.proceed(chain.request());
          if (method.equals("GET") && response.code() == 200) {
            lastRead.set(response.peekBody(1 << 16).string());
          }
          deleted.compareAndSet(false, method.equals("DELETE") && response.code() == 204);
          return response;
        };
    brevo.close();
    brevo = BrevoFixture.start(options().build(), stale);
    subscribedAda();

    VendorUnavailable e =
        catchThrowableOfType(VendorUnavailable.class, () -> brevo.contacts.erase(ADA));

    assertThat(ActivityFailures.toApplicationFailure(e).isNonRetryable()).isFalse();
    // The retry finds the deletion done.
    assertThat(brevo.contacts.erase(ADA).result()).isEqualTo(EraseOutcome.Result.ABSENT);
    assertThat(brevo.fake.contact(ADA)).isEmpty();
  }
}
