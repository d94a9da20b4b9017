package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocklist suppression and recipient erasure. */
class MailerSendOffboardingTest {
  private static final String ADA = "ada@example.com";

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
  void suppressBlocksTheAddressAccountWideAndIsIdempotent() {
    ms.connector.suppress(ADA);
    ms.connector.suppress(ADA.toUpperCase());

    assertThat(ms.fake.isSuppressed(ADA)).isTrue();
    assertThat(ms.fake.blocklist()).hasSize(1);
    assertThat(ms.fake.blocklist().get(0).domainId()).isNull();
    assertThat(ms.connector.isSuppressed(ADA)).isTrue();
    assertThat(ms.connector.isSuppressed("bob@example.com")).isFalse();
  }

  @Test
  void suppressOnAConfiguredDomain() {
    var scoped = new MailerSendConnector(ms.client, ms.fake.domainId());

    scoped.suppress(ADA);

    assertThat(ms.fake.blocklist().get(0).domainId()).isEqualTo(ms.fake.domainId());
  }

  @Test
  void eraseRecipientDeletesItAndUnknownIsFalse() {
    ms.fake.addRecipient("bob@example.com");
    ms.fake.addRecipient(ADA);

    assertThat(ms.connector.eraseRecipient(ADA.toUpperCase())).isTrue();
    assertThat(ms.fake.recipient(ADA)).isEmpty();
    assertThat(ms.fake.recipient("bob@example.com")).isPresent();
    assertThat(ms.connector.eraseRecipient(ADA)).isFalse();
  }

  @Test
  void eraseFindsRecipientsBeyondTheFirstPage() {
    for (int i = 0; i < 120; i++) {
      ms.fake.addRecipient("r" + i + "@example.com");
    }

    assertThat(ms.connector.eraseRecipient("r119@example.com")).isTrue();
    assertThat(ms.fake.calls("GET", "/v1/recipients")).isEqualTo(2);
  }

  @Test
  void unblockByIdRemovesTheEntry() {
    ms.connector.suppress(ADA);
    String id = ms.client.listBlocklist().get(0).id();

    ms.client.deleteFromBlocklist(List.of(id));

    assertThat(ms.fake.isSuppressed(ADA)).isFalse();
  }
}
