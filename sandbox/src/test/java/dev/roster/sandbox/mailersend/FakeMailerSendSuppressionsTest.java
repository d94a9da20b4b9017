package dev.roster.sandbox.mailersend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.mailersend.BearerHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recipients and the blocklist. */
class FakeMailerSendSuppressionsTest {
  private static final String ADA = "ada@example.com";

  private final FakeMailerSend fake = FakeMailerSend.start();
  private final BearerHttp http = new BearerHttp(fake.baseUrl(), fake.token());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void blocklistAddIs201WithEntriesAndSuppresses() throws Exception {
    Reply reply = http.post("/suppressions/blocklist", Map.of("recipients", List.of(ADA)));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("data").get(0).path("type").asText()).isEqualTo("exact");
    assertThat(reply.json().path("data").get(0).path("pattern").asText()).isEqualTo(ADA);
    assertThat(fake.isSuppressed("ADA@example.com")).isTrue();
    assertThat(http.get("/suppressions/blocklist").json().path("data")).hasSize(1);
  }

  @Test
  void blocklistAddTwiceKeepsOneEntry() throws Exception {
    http.post("/suppressions/blocklist", Map.of("recipients", List.of(ADA)));
    http.post("/suppressions/blocklist", Map.of("recipients", List.of(ADA)));

    assertThat(fake.blocklist()).hasSize(1);
  }

  @Test
  void patternsSuppressMatchingAddresses() throws Exception {
    http.post("/suppressions/blocklist", Map.of("patterns", List.of(".*@spam\\.example")));

    assertThat(fake.isSuppressed("x@spam.example")).isTrue();
    assertThat(fake.isSuppressed(ADA)).isFalse();
  }

  @Test
  void blocklistValidationIs422PerField() throws Exception {
    Reply empty = http.post("/suppressions/blocklist", Map.of());
    Reply badDomain =
        http.post(
            "/suppressions/blocklist", Map.of("domain_id", "nope", "recipients", List.of("x")));

    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.json().path("errors").has("recipients")).isTrue();
    assertThat(badDomain.json().path("errors").path("domain_id").get(0).asText())
        .isEqualTo("The selected domain id is invalid.");
    assertThat(badDomain.json().path("errors").has("recipients.0")).isTrue();
    Reply scoped =
        http.post(
            "/suppressions/blocklist",
            Map.of("domain_id", fake.domainId(), "recipients", List.of(ADA)));
    assertThat(scoped.status()).isEqualTo(201);
  }

  @Test
  void blocklistDeleteByIdsOrAll() throws Exception {
    String id =
        http.post("/suppressions/blocklist", Map.of("recipients", List.of(ADA)))
            .json()
            .path("data")
            .get(0)
            .path("id")
            .asText();

    assertThat(http.call("DELETE", "/suppressions/blocklist", Map.of("ids", List.of("x"))).status())
        .isEqualTo(422);
    assertThat(http.call("DELETE", "/suppressions/blocklist", Map.of("ids", List.of(id))).status())
        .isEqualTo(204);
    assertThat(fake.isSuppressed(ADA)).isFalse();
    http.post("/suppressions/blocklist", Map.of("recipients", List.of(ADA, "b@example.com")));
    http.call("DELETE", "/suppressions/blocklist", Map.of("all", true));
    assertThat(fake.blocklist()).isEmpty();
  }

  @Test
  void recipientsListGetAndDelete() throws Exception {
    String id = fake.addRecipient(ADA);
    fake.addRecipient("bob@example.com");

    Reply list = http.get("/recipients?limit=10");
    assertThat(list.json().path("data")).hasSize(2);
    assertThat(list.json().path("data").get(0).path("deleted_at").asText()).isEmpty();
    Reply one = http.get("/recipients/" + id);
    assertThat(one.json().path("data").path("email").asText()).isEqualTo(ADA);
    assertThat(one.json().path("data").path("domain").path("id").asText())
        .isEqualTo(fake.domainId());

    assertThat(http.delete("/recipients/" + id).status()).isEqualTo(204);
    assertThat(fake.recipient(ADA)).isEmpty();
    Reply again = http.delete("/recipients/" + id);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().path("message").asText()).isEqualTo("Resource not found.");
  }
}
