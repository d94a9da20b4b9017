package dev.roster.activities.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sandbox.servicenow.FakeServiceNow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotent ticket operations, watermark polling and catalog variables against the sandbox. */
class TicketWriterTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
  private final FakeServiceNow sn =
      FakeServiceNow.start(FakeServiceNow.Options.builder().clock(now::get).build());
  private final ServiceNowClient client = ServiceNowClientTest.basic(sn);
  private final TicketWriter writer = new TicketWriter(client);

  @AfterEach
  void stop() {
    sn.close();
  }

  @Test
  void retriedWorkNoteIsPostedOnce() {
    String ritm = sn.createRitm("RITM0010001", Map.of(), "abel.tuter");

    boolean first =
        writer.addWorkNote("sc_req_item", ritm, "onboard-RITM0010001", "started", "Started");
    boolean retry =
        writer.addWorkNote("sc_req_item", ritm, "onboard-RITM0010001", "started", "Started");
    writer.addWorkNote("sc_req_item", ritm, "onboard-RITM0010001", "done", "Done");

    assertThat(first).isTrue();
    assertThat(retry).isFalse();
    assertThat(sn.workNotes("sc_req_item", ritm))
        .containsExactly(
            "Started\n[roster:onboard-RITM0010001:started]",
            "Done\n[roster:onboard-RITM0010001:done]");
  }

  @Test
  void setStateClosesWithCloseNotes() {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");

    writer.setState("sc_req_item", ritm, TicketState.CLOSED_COMPLETE, "Onboarded on 2 accounts");

    assertThat(sn.record("sc_req_item", ritm).orElseThrow())
        .containsEntry("state", "3")
        .containsEntry("active", "false")
        .containsEntry("close_notes", "Onboarded on 2 accounts");
  }

  @Test
  void openTaskIsIdempotentByCorrelationIdAndSeesItClose() {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");

    String task = writer.openTask(ritm, "onboard-RITM0010001:task-1", "Invite by hand", "details");
    String again = writer.openTask(ritm, "onboard-RITM0010001:task-1", "Invite by hand", "details");
    boolean openBefore = writer.isTaskClosed(task);
    sn.closeTask(task);

    assertThat(again).isEqualTo(task);
    assertThat(sn.records("sc_task")).hasSize(1);
    assertThat(sn.record("sc_task", task).orElseThrow()).containsEntry("request_item", ritm);
    assertThat(openBefore).isFalse();
    assertThat(writer.isTaskClosed(task)).isTrue();
    assertThat(writer.taskStatus(task).completed()).isTrue();
  }

  @Test
  void sysIdsThatCouldInjectQueryTermsAreRefused() {
    assertThatThrownBy(() -> writer.addWorkNote("sc_req_item", "x^ORsys_id!=", "w", "m", "text"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changeFeedReturnsRecordsAtOrAfterTheWatermarkOldestFirst() {
    String old = sn.createRitm(null, Map.of(), "abel.tuter");
    now.set(now.get().plusSeconds(60));
    String a = sn.createRitm(null, Map.of(), "abel.tuter");
    now.set(now.get().plusSeconds(60));
    String b = sn.createRitm(null, Map.of(), "abel.tuter");
    String watermark = sn.record("sc_req_item", a).orElseThrow().get("sys_updated_on");

    List<Map<String, String>> changed =
        new ChangeFeed(client)
            .changedSince("sc_req_item", "active=true", watermark, List.of("number"), 1, 10);

    assertThat(changed).extracting(r -> r.get("sys_id")).containsExactly(a, b).doesNotContain(old);
    assertThat(changed.get(0)).containsKeys("number", "sys_updated_on");
  }

  @Test
  void catalogVariablesAreReadThroughItemOptions() {
    String ritm =
        sn.createRitm(null, Map.of("email", "ada@example.com", "accounts", "brevo-main"), "abel");

    assertThat(new CatalogVariables(client).read(ritm))
        .containsEntry("email", "ada@example.com")
        .containsEntry("accounts", "brevo-main");
  }
}
