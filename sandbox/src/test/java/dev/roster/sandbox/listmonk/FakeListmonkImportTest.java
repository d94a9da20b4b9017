package dev.roster.sandbox.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.ListmonkTestHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one import session: polls to finish, the one-at-a-time rule, logs and clearing. */
class FakeListmonkImportTest {
  private static final Map<String, Object> PARAMS =
      Map.of(
          "mode",
          "subscribe",
          "delim",
          ",",
          "lists",
          List.of(3),
          "subscription_status",
          "confirmed");
  private static final String CSV =
      "email,name,attributes\n"
          + "ada@example.com,Ada,\"{\"\"city\"\":\"\"London\"\"}\"\n"
          + "grace@example.com,Grace,\n"
          + "not-an-email,Bad,\n";

  private final FakeListmonk listmonk =
      FakeListmonk.start(FakeListmonk.Options.builder().importPolls(3).build());
  private final ListmonkTestHttp http = ListmonkTestHttp.as(listmonk);

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void importFinishesOnTheConfiguredPollAndAppliesRows() throws Exception {
    Reply started = http.startImport(PARAMS, CSV);

    assertThat(started.data().path("status").asText()).isEqualTo("importing");
    assertThat(started.data().path("total").asInt()).isEqualTo(3);
    assertThat(http.get("/api/import/subscribers").data().path("status").asText())
        .isEqualTo("importing");
    assertThat(http.get("/api/import/subscribers").data().path("status").asText())
        .isEqualTo("importing");
    Reply done = http.get("/api/import/subscribers");
    assertThat(done.data().path("status").asText()).isEqualTo("finished");
    assertThat(done.data().path("imported").asInt()).isEqualTo(2);
    assertThat(listmonk.listMemberEmails(3))
        .containsExactly("ada@example.com", "grace@example.com");
    assertThat(listmonk.subscriber("ada@example.com").orElseThrow().attribs())
        .containsEntry("city", "London");
    assertThat(http.get("/api/import/subscribers/logs").data().asText()).contains("invalid email");
  }

  @Test
  void secondImportWhileOneRunsIs400() throws Exception {
    http.startImport(PARAMS, CSV);

    Reply second = http.startImport(PARAMS, CSV);

    assertThat(second.status()).isEqualTo(400);
    assertThat(second.message()).startsWith("An import is already running");
  }

  @Test
  void finishedImportAllowsANewOne() throws Exception {
    http.startImport(PARAMS, CSV);
    for (int i = 0; i < 3; i++) {
      http.get("/api/import/subscribers");
    }

    assertThat(http.startImport(PARAMS, CSV).status()).isEqualTo(200);
  }

  @Test
  void deleteStopsAndClearsTheSession() throws Exception {
    http.startImport(PARAMS, CSV);

    Reply cleared = http.delete("/api/import/subscribers");

    assertThat(cleared.data().path("status").asText()).isEqualTo("none");
    assertThat(listmonk.importStatus()).isEqualTo("none");
    assertThat(http.startImport(PARAMS, CSV).status()).isEqualTo(200);
  }

  @Test
  void csvWithoutEmailHeaderFails() throws Exception {
    http.startImport(PARAMS, "name\nAda\n");
    http.get("/api/import/subscribers");
    http.get("/api/import/subscribers");

    assertThat(http.get("/api/import/subscribers").data().path("status").asText())
        .isEqualTo("failed");
  }

  @Test
  void blocklistModeBlocklists() throws Exception {
    http.startImport(
        Map.of("mode", "blocklist", "delim", ","), "email,name\nada@example.com,Ada\n");
    for (int i = 0; i < 3; i++) {
      http.get("/api/import/subscribers");
    }

    assertThat(listmonk.isBlocklisted("ada@example.com")).isTrue();
  }

  @Test
  void jsonBodyInsteadOfMultipartIs400() throws Exception {
    assertThat(http.post("/api/import/subscribers", PARAMS).status()).isEqualTo(400);
  }
}
