package dev.roster.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.servicenow.SnTestHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Attachment API's read side, as a bulk import from a ticket uses it. */
class FakeServiceNowAttachmentTest {
  private static final byte[] CSV =
      "email,first_name\nada@example.com,Ada\n".getBytes(StandardCharsets.UTF_8);

  private final FakeServiceNow sn = FakeServiceNow.start();
  private final SnTestHttp http = SnTestHttp.basic(sn);

  @AfterEach
  void stop() {
    sn.close();
  }

  @Test
  void metadataNamesTheRecordSizeTypeAndHashInTheResultEnvelope() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    String id = sn.attach("sc_req_item", ritm, "people.csv", "text/csv", CSV);

    Reply meta = http.get("/api/now/attachment/" + id);

    assertThat(meta.status()).isEqualTo(200);
    JsonNode result = meta.result();
    assertThat(result.path("sys_id").asText()).isEqualTo(id);
    assertThat(result.path("table_name").asText()).isEqualTo("sc_req_item");
    assertThat(result.path("table_sys_id").asText()).isEqualTo(ritm);
    assertThat(result.path("file_name").asText()).isEqualTo("people.csv");
    assertThat(result.path("content_type").asText()).isEqualTo("text/csv");
    assertThat(result.path("size_bytes").asText()).isEqualTo(Integer.toString(CSV.length));
    assertThat(result.path("hash").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CSV)));
    assertThat(result.path("download_link").asText())
        .endsWith("/api/now/attachment/" + id + "/file");
  }

  @Test
  void fileIgnoresRangeAndAnswersTheWholeFile() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    String id = sn.attach("sc_req_item", ritm, "people.csv", "text/csv", CSV);

    Reply file =
        http.raw(
            new Request.Builder()
                .url(sn.baseUrl() + "/api/now/attachment/" + id + "/file")
                .header("Range", "bytes=5-"));

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.bytes()).isEqualTo(CSV);
    assertThat(file.header("X-Attachment-Metadata")).contains(ritm);
  }

  @Test
  void unknownIdsAre404OnBothEndpoints() throws Exception {
    String unknown = "0".repeat(32);

    Reply meta = http.get("/api/now/attachment/" + unknown);
    Reply file = http.get("/api/now/attachment/" + unknown + "/file");

    assertThat(meta.status()).isEqualTo(404);
    assertThat(meta.json().path("status").asText()).isEqualTo("failure");
    assertThat(file.status()).isEqualTo(404);
  }

  @Test
  void attachmentEndpointsNeedTheSameAuthenticationAsTheTableApi() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    String id = sn.attach("sc_req_item", ritm, "people.csv", "text/csv", CSV);
    SnTestHttp wrong = new SnTestHttp(sn.baseUrl(), Credentials.basic("roster.integration", "x"));
    SnTestHttp none = new SnTestHttp(sn.baseUrl(), null);

    assertThat(wrong.get("/api/now/attachment/" + id).status()).isEqualTo(401);
    assertThat(wrong.get("/api/now/attachment/" + id + "/file").status()).isEqualTo(401);
    assertThat(none.get("/api/now/attachment/" + id + "/file").status()).isEqualTo(401);
  }

  @Test
  void attachmentOfAHiddenRecordIs404() throws Exception {
    String ritm = sn.createRitm(null, Map.of(), "abel");
    String id = sn.attachToVariable(ritm, "import_file", "people.csv", "text/csv", CSV);
    sn.hide("sc_req_item", ritm);

    assertThat(http.get("/api/now/attachment/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/now/attachment/" + id + "/file").status()).isEqualTo(404);
  }

  @Test
  void variableFileIsReadableByIdButNotListedOnTheRecord() throws Exception {
    String ritm = sn.createRitm(null, Map.of("vendor_accounts", "brevo-main"), "abel");

    String id = sn.attachToVariable(ritm, "import_file", "people.csv", "text/csv", CSV);

    assertThat(sn.variables(ritm))
        .containsEntry("import_file", id)
        .containsEntry("vendor_accounts", "brevo-main");
    assertThat(http.get("/api/now/attachment/" + id).result().path("table_name").asText())
        .isEqualTo("ZZ_YYsc_req_item");
    assertThat(http.get("/api/now/attachment/" + id + "/file").bytes()).isEqualTo(CSV);
    assertThat(
            http.get(
                    "/api/now/attachment?sysparm_query=table_name=sc_req_item%5Etable_sys_id="
                        + ritm)
                .result())
        .isEmpty();
  }

  @Test
  void attachingToAMissingRecordIsRefused() {
    String missing = "f".repeat(32);

    assertThatThrownBy(() -> sn.attach("sc_req_item", missing, "a.csv", "text/csv", CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> sn.attachToVariable(missing, "import_file", "a.csv", "text/csv", CSV))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
