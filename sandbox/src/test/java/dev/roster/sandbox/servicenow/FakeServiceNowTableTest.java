package dev.roster.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.servicenow.SnTestHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Table API semantics: strings, references, journals, queries, pages, ACLs, attachments. */
class FakeServiceNowTableTest {
  private final MutableClock clock = new MutableClock();
  private final FakeServiceNow sn =
      FakeServiceNow.start(FakeServiceNow.Options.builder().clock(clock).build());
  private final SnTestHttp http = SnTestHttp.basic(sn);

  @AfterEach
  void stop() {
    sn.close();
  }

  @Test
  void ritmReadsBackAsStringsWithReferenceLinks() throws Exception {
    String ritm = sn.createRitm("RITM0010001", Map.of("email", "ada@example.com"), "abel.tuter");

    JsonNode result = http.get("/api/now/table/sc_req_item/" + ritm).result();
    JsonNode plain =
        http.get("/api/now/table/sc_req_item/" + ritm + "?sysparm_exclude_reference_link=true")
            .result();

    assertThat(result.path("number").asText()).isEqualTo("RITM0010001");
    assertThat(result.path("state").isTextual()).isTrue();
    assertThat(result.path("sys_mod_count").asText()).isEqualTo("0");
    assertThat(result.path("opened_by").path("value").asText()).hasSize(32);
    assertThat(result.path("opened_by").path("link").asText()).contains("/api/now/table/sys_user/");
    assertThat(plain.path("opened_by").isTextual()).isTrue();
    assertThat(result.has("email")).as("variables are not columns").isFalse();
  }

  @Test
  void workNotesAppendReadBackEmptyAndLiveInSysJournalField() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel.tuter");

    Reply first =
        http.send("PATCH", "/api/now/table/sc_req_item/" + ritm, Map.of("work_notes", "one"));
    http.send(
        "PATCH", "/api/now/table/sc_req_item/" + ritm, Map.of("work_notes", "two", "state", 2));
    Reply journal =
        http.get(
            "/api/now/table/sys_journal_field?sysparm_query=element_id="
                + ritm
                + "%5Eelement=work_notes%5EORDERBYsys_created_on");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.result().path("work_notes").asText()).isEmpty();
    assertThat(sn.workNotes("sc_req_item", ritm)).containsExactly("one", "two");
    assertThat(sn.record("sc_req_item", ritm).orElseThrow()).containsEntry("state", "2");
    assertThat(journal.result().findValuesAsText("value")).containsExactly("one", "two");
  }

  @Test
  void watermarkQueryOrdersPagesAndCounts() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(sn.createRitm(null, Map.of(), "abel.tuter"));
      clock.advance(Duration.ofSeconds(10));
    }
    String watermark = sn.record("sc_req_item", ids.get(0)).orElseThrow().get("sys_updated_on");
    String query =
        "/api/now/table/sc_req_item?sysparm_fields=sys_id,number,sys_updated_on&sysparm_limit=2"
            + "&sysparm_query=sys_updated_on%3E"
            + watermark.replace(" ", "%20")
            + "%5EORDERBYsys_updated_on";

    Reply page1 = http.get(query);
    Reply page3 = http.get(query + "&sysparm_offset=2");

    assertThat(page1.header("X-Total-Count")).isEqualTo("4");
    assertThat(page1.header("Link")).contains("rel=\"next\"");
    assertThat(page1.result().findValuesAsText("sys_id")).containsExactly(ids.get(1), ids.get(2));
    assertThat(page1.result().get(0).size()).isEqualTo(3);
    assertThat(page3.result().findValuesAsText("sys_id")).containsExactly(ids.get(3), ids.get(4));
  }

  @Test
  void dateGenerateValuesCompareAsUtc() throws Exception {
    sn.createRitm(null, Map.of(), "abel.tuter");
    Reply reply =
        http.get(
            "/api/now/v2/table/sc_req_item?sysparm_query=sys_updated_on%3E%3D"
                + "javascript:gs.dateGenerate('2026-01-05','09:00:00')");

    assertThat(reply.result().size()).isEqualTo(1);
  }

  @Test
  void emptyResultIs404OnV1And200OnV2() throws Exception {
    assertThat(http.get("/api/now/table/sc_task").status()).isEqualTo(404);
    Reply v2 = http.get("/api/now/v2/table/sc_task");
    assertThat(v2.status()).isEqualTo(200);
    assertThat(v2.result().isArray()).isTrue();
    assertThat(v2.result().size()).isZero();
  }

  @Test
  void hiddenRecordIs404AndMakesPagesShort() throws Exception {
    String a = sn.createRitm(null, Map.of(), "abel.tuter");
    sn.createRitm(null, Map.of(), "abel.tuter");
    sn.hide("sc_req_item", a);

    Reply page = http.get("/api/now/table/sc_req_item?sysparm_limit=2");

    assertThat(http.get("/api/now/table/sc_req_item/" + a).status()).isEqualTo(404);
    assertThat(http.send("PATCH", "/api/now/table/sc_req_item/" + a, Map.of("state", "2")).status())
        .isEqualTo(404);
    assertThat(page.result().size()).isEqualTo(1);
    assertThat(page.header("X-Total-Count")).isEqualTo("2");
  }

  @Test
  void catalogVariablesReadThroughItemOptionDotWalk() throws Exception {
    String ritm = sn.createRitm(null, Map.of("email", "ada@example.com", "role", "editor"), "abel");

    Reply reply =
        http.get(
            "/api/now/table/sc_item_option_mtom?sysparm_query=request_item="
                + ritm
                + "&sysparm_fields=sc_item_option.item_option_new.name,sc_item_option.value");

    assertThat(reply.result().findValuesAsText("sc_item_option.item_option_new.name"))
        .containsExactlyInAnyOrder("email", "role");
    assertThat(sn.variables(ritm)).containsEntry("role", "editor");
  }

  @Test
  void closingATaskMakesItInactive() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    Reply task =
        http.send(
            "POST",
            "/api/now/table/sc_task",
            Map.of("request_item", ritm, "parent", ritm, "short_description", "Do it"));
    String sysId = task.result().path("sys_id").asText();

    sn.closeTask(sysId);

    assertThat(task.status()).isEqualTo(201);
    assertThat(task.result().path("number").asText()).startsWith("SCTASK");
    assertThat(sn.record("sc_task", sysId).orElseThrow())
        .containsEntry("state", "3")
        .containsEntry("active", "false");
  }

  @Test
  void attachmentsUploadListAndDownload() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    byte[] csv = "email\nada@example.com\n".getBytes(StandardCharsets.UTF_8);
    Reply upload =
        http.raw(
            new Request.Builder()
                .url(
                    sn.baseUrl()
                        + "/api/now/attachment/file?table_name=sc_req_item&table_sys_id="
                        + ritm
                        + "&file_name=people.csv")
                .post(RequestBody.create(csv, MediaType.get("text/csv"))));
    String id = upload.result().path("sys_id").asText();

    Reply list =
        http.get("/api/now/attachment?sysparm_query=table_name=sc_req_item%5Etable_sys_id=" + ritm);
    Reply file = http.get("/api/now/attachment/" + id + "/file");

    assertThat(upload.status()).isEqualTo(201);
    assertThat(list.result().findValuesAsText("file_name")).containsExactly("people.csv");
    assertThat(list.result().get(0).path("size_bytes").asText())
        .isEqualTo(Integer.toString(csv.length));
    assertThat(file.bytes()).isEqualTo(csv);
    assertThat(file.header("Content-Type")).startsWith("text/csv");
  }
}
