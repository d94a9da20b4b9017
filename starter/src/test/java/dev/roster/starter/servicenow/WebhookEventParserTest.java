package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.starter.servicenow.WebhookRejection.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookEventParserTest {
  static final String SYS_ID = "0123456789abcdef0123456789abcdef";
  static final String VALID =
      "{\"event\":\"onboard\",\"table\":\"sc_req_item\",\"sys_id\":\""
          + SYS_ID
          + "\",\"number\":\"RITM0010001\",\"sys_updated_on\":\"2026-01-05 09:00:00\","
          + "\"variables\":{\"email\":\"ada@example.com\",\"vendor_accounts\":[\"a\",\"b\"]},"
          + "\"requested_by\":\"abel.tuter\",\"approval\":{\"state\":\"requested\"}}";

  private final WebhookEventParser parser = new WebhookEventParser(64 * 1024);

  private WebhookRejection reject(String body) {
    try {
      parser.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (WebhookRejection e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  void validEventParses() {
    WebhookEvent event = parser.parse(VALID.getBytes(StandardCharsets.UTF_8));

    assertThat(event.event()).isEqualTo(WebhookEvent.Type.ONBOARD);
    assertThat(event.sysId()).isEqualTo(SYS_ID);
    assertThat(event.variables()).containsEntry("vendor_accounts", "a,b");
    assertThat(event.requestedBy()).isEqualTo("abel.tuter");
    assertThat(event.approval().state()).isEqualTo("requested");
    assertThat(event.workflowId()).contains("onboard-RITM0010001");
  }

  @Test
  void missingFieldsAreEachNamed() {
    WebhookRejection e = reject("{\"event\":\"onboard\",\"table\":\"sc_req_item\"}");

    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errors())
        .contains(
            "sys_id: required",
            "number: required",
            "variables: required",
            "requested_by: required",
            "approval: required");
  }

  @Test
  void unknownFieldsAreRejectedAtTopLevelAndInApproval() {
    String body = VALID.replace("\"approval\":{", "\"extra\":1,\"approval\":{\"colour\":\"red\",");

    assertThat(reject(body).errors())
        .containsExactlyInAnyOrder("extra: unknown field", "approval.colour: unknown field");
  }

  @Test
  void badFormatsAreNamed() {
    String body =
        VALID
            .replace(SYS_ID, "XYZ")
            .replace("RITM0010001", "ritm-1")
            .replace("\"onboard\"", "\"hire\"")
            .replace("sc_req_item", "incident");

    assertThat(reject(body).errors())
        .containsExactlyInAnyOrder(
            "event: must be one of onboard, offboard, change, bulk_import, approval",
            "table: must be sc_req_item or sc_task",
            "sys_id: must be 32 lower-case hex characters",
            "number: must be like RITM0010001");
  }

  @Test
  void approvalEventNeedsTheDecidedRow() {
    String body =
        VALID
            .replace("\"onboard\"", "\"approval\"")
            .replace("{\"state\":\"requested\"}", "{\"state\":\"requested\"}");

    assertThat(reject(body).errors())
        .contains(
            "approval.approver: required",
            "approval.sys_id: required",
            "approval.state: must be approved or rejected for an approval event");
  }

  @Test
  void oversizedBodyIsTooLarge() {
    WebhookEventParser small = new WebhookEventParser(100);

    assertThatThrownBy(() -> small.parse(VALID.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            WebhookRejection.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
              assertThat(e.httpStatus()).isEqualTo(413);
            });
  }

  @Test
  void nonJsonIsMalformedAndNonObjectIsInvalid() {
    assertThat(reject("email=ada@example.com").kind()).isEqualTo(Kind.MALFORMED);
    assertThat(reject(VALID + "}").kind()).isEqualTo(Kind.MALFORMED);
    assertThat(reject("{\"event\":\"onboard\",\"event\":\"offboard\"}").kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(reject("[1,2]").kind()).isEqualTo(Kind.INVALID);
  }

  @Test
  void nonStringVariableIsNamed() {
    String body = VALID.replace("\"email\":\"ada@example.com\"", "\"email\":{\"x\":1}");

    assertThat(reject(body).errors())
        .containsExactly("variables.email: must be a string or a list of strings");
  }
}
