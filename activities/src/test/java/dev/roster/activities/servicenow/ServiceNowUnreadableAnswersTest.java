package dev.roster.activities.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx that does not read as ServiceNow's {@code {"result": …}} is no success, no empty record and
 * no empty page: the call fails retryably.
 */
class ServiceNowUnreadableAnswersTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final FakeServiceNow sn = FakeServiceNow.start();
  private final ServiceNowClient client = ServiceNowClientTest.basic(sn);

  @AfterEach
  void stop() {
    sn.close();
  }

  @Test
  void anUnreadableCreateAnswerIsRetryableAndCreatesNothing() {
    sn.faults().on("POST", "/api/now/table/{table}").unreadableNext(1, 201);

    assertThatThrownBy(() -> client.create("sc_task", Map.of("short_description", "check")))
        .isInstanceOf(VendorUnavailable.class)
        .hasMessageContaining("unreadable answer");

    assertThat(sn.records("sc_task")).isEmpty();
  }

  @Test
  void aWrittenRecordWithoutItsSysIdIsNotConfirmed() {
    String ritm = sn.createRitm("RITM0010001", Map.of(), "abel.tuter");
    sn.faults()
        .on("PATCH", "/api/now/table/{table}/{sys_id}")
        .failNext(1, 200, JSON, "{\"result\":{}}");

    assertThatThrownBy(() -> client.patch("sc_req_item", ritm, Map.of("state", "2")))
        .isInstanceOf(VendorUnavailable.class);
  }

  @Test
  void aQueryAnswerWithoutResultsIsNotAnEmptyPage() {
    sn.createRitm("RITM0010001", Map.of(), "abel.tuter");
    sn.faults().on("GET", "/api/now/v2/table/{table}").failNext(1, 200, JSON, "{}");

    assertThatThrownBy(() -> client.query("sc_req_item", "", List.of(), 10, 0))
        .isInstanceOf(VendorUnavailable.class);

    assertThat(client.query("sc_req_item", "", List.of(), 10, 0).records()).hasSize(1);
  }
}
