package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.VendorUnavailable;
import dev.roster.workflows.contacts.ContactData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx that does not read as listmonk's {@code {"data": …}} answer is no success and no "absent":
 * the step fails retryably and its retry does the work once.
 */
class ListmonkUnreadableAnswersTest {
  private static final String ADA = "ada@example.com";

  private ListmonkFixture listmonk;
  private long list;

  @BeforeEach
  void start() {
    listmonk = ListmonkFixture.start();
    list = listmonk.fake.createList("Newsletter");
  }

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void anUnreadableCreateAnswerIsRetryableAndLeavesNoSubscriber() {
    listmonk.fake.faults().on("POST", "/api/subscribers").unreadableNext(1, 200);

    assertThatThrownBy(() -> listmonk.contacts.upsert(new ContactData(ADA, "Ada", null, null)))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(listmonk.fake.subscriber(ADA)).isEmpty();
    listmonk.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    assertThat(listmonk.fake.subscriber(ADA)).isPresent();
  }

  @Test
  void anUnreadableListAnswerIsNotASubscription() {
    listmonk.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    listmonk.fake.faults().on("PUT", "/api/subscribers/lists").unreadableNext(1, 200);

    assertThatThrownBy(() -> listmonk.contacts.subscribe(ADA, List.of(Long.toString(list))))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(listmonk.fake.listMemberEmails(list)).isEmpty();
    listmonk.contacts.subscribe(ADA, List.of(Long.toString(list)));
    assertThat(listmonk.fake.listMemberEmails(list)).containsExactly(ADA);
  }

  @Test
  void aSearchAnswerWithoutResultsIsNotAnAbsentSubscriber() {
    listmonk.contacts.upsert(new ContactData(ADA, "Ada", null, null));
    // Read as "no such subscriber", the subscribe step failed for good ("upsert it first").
    listmonk
        .fake
        .faults()
        .on("GET", "/api/subscribers")
        .failNext(1, 200, Map.of("Content-Type", "application/json"), "{\"data\":{\"page\":1}}");

    assertThatThrownBy(() -> listmonk.contacts.subscribe(ADA, List.of(Long.toString(list))))
        .isInstanceOf(VendorUnavailable.class);

    listmonk.contacts.subscribe(ADA, List.of(Long.toString(list)));
    assertThat(listmonk.fake.listMemberEmails(list)).containsExactly(ADA);
  }

  @Test
  void aTruncatedUserAnswerIsRetriedAndFindsTheUserActive() {
    listmonk.fake.faults().on("POST", "/api/users").truncateNext(1);

    assertThatThrownBy(() -> listmonk.team.invite(ADA, "viewer"))
        .isInstanceOf(VendorUnavailable.class);

    listmonk.team.invite(ADA, "viewer");
    assertThat(listmonk.fake.users().stream().filter(u -> ADA.equals(u.email()))).hasSize(1);
  }
}
