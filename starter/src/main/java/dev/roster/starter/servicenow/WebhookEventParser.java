package dev.roster.starter.servicenow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roster.starter.servicenow.WebhookRejection.Kind;
import dev.roster.workflows.request.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict parsing of {@link WebhookEvent}: every problem is collected and named by its field path
 * ({@code sys_id: must be 32 lower-case hex characters}); unknown fields are errors, so a typo in
 * the business rule fails loudly instead of being ignored. No string field may hold a control or
 * bidirectional formatting character ({@link Texts#unsafeCharacter}); only free text (an approver's
 * comment, catalog variables Roster does not read) may break lines. Thread-safe.
 */
public final class WebhookEventParser {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  static final Set<String> FIELDS =
      Set.of(
          "event",
          "table",
          "sys_id",
          "number",
          "sys_updated_on",
          "variables",
          "requested_by",
          "approval");
  static final Set<String> APPROVAL_FIELDS = Set.of("state", "approver", "sys_id", "comments");
  static final Set<String> TABLES = Set.of("sc_req_item", "sc_task");
  static final Set<String> APPROVAL_STATES =
      Set.of(
          "not requested",
          "requested",
          "approved",
          "rejected",
          "cancelled",
          "not_required",
          "skipped");

  /** Fields that may hold line breaks (tab, LF, CR); every other string field may not. */
  private static final Set<String> FREE_TEXT = Set.of("approval.comments");

  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{2,12}[0-9]{4,12}");
  private static final Pattern GLIDE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,80}");
  private static final int MAX_VARIABLES = 200;
  private static final int MAX_VALUE = 4000;
  private static final int MAX_USER = 100;

  private final int maxBodyBytes;

  /**
   * @param maxBodyBytes larger bodies are TOO_LARGE (default {@link
   *     WebhookAuthConfig#DEFAULT_MAX_BODY_BYTES})
   */
  public WebhookEventParser(int maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The event in {@code body}.
   *
   * @throws WebhookRejection TOO_LARGE over the limit, MALFORMED when not JSON, INVALID with every
   *     schema error otherwise
   */
  public WebhookEvent parse(byte[] body) {
    if (body.length > maxBodyBytes) {
      throw WebhookRejection.tooLarge(maxBodyBytes);
    }
    JsonNode root;
    try {
      root = STRICT.readTree(body);
    } catch (IOException e) {
      throw new WebhookRejection(Kind.MALFORMED, "body: not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new WebhookRejection(Kind.INVALID, "body: must be a JSON object");
    }
    List<String> errors = new ArrayList<>();
    unknown(root, FIELDS, "", errors);
    WebhookEvent.Type type = null;
    String event = text(root, "event", true, 40, errors);
    if (event != null) {
      type = WebhookEvent.Type.fromWire(event).orElse(null);
      if (type == null) {
        errors.add("event: must be one of onboard, offboard, change, bulk_import, approval");
      }
    }
    String table = text(root, "table", true, 80, errors);
    if (table != null && !TABLES.contains(table)) {
      errors.add("table: must be sc_req_item or sc_task");
    }
    String sysId =
        matching(root, "", "sys_id", SYS_ID, "32 lower-case hex characters", true, errors);
    String number = matching(root, "", "number", NUMBER, "like RITM0010001", true, errors);
    String updated =
        matching(root, "", "sys_updated_on", GLIDE_TIME, "yyyy-MM-dd HH:mm:ss", false, errors);
    Map<String, String> variables = variables(root.get("variables"), errors);
    String requestedBy = text(root, "requested_by", true, MAX_USER, errors);
    WebhookEvent.Approval approval = approval(root.get("approval"), type, errors);
    if (!errors.isEmpty()) {
      throw new WebhookRejection(Kind.INVALID, errors);
    }
    return new WebhookEvent(type, table, sysId, number, updated, variables, requestedBy, approval);
  }

  private static Map<String, String> variables(JsonNode node, List<String> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      errors.add("variables: required");
      return out;
    }
    if (!node.isObject()) {
      errors.add("variables: must be an object");
      return out;
    }
    if (node.size() > MAX_VARIABLES) {
      errors.add("variables: at most " + MAX_VARIABLES + " entries");
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "variables." + e.getKey();
      if (!VARIABLE_NAME.matcher(e.getKey()).matches()) {
        errors.add("variables: names must be letters, digits and _ (1-80)");
        continue;
      }
      String value = scalarOrList(e.getValue());
      if (value == null) {
        errors.add(path + ": must be a string or a list of strings");
      } else if (value.length() > MAX_VALUE) {
        errors.add(path + ": longer than " + MAX_VALUE + " characters");
      } else {
        // A catalog item may hold free text (a justification) with line breaks; the variables
        // Roster reads allow none (VariableMapping).
        Optional<String> unsafe = Texts.unsafeCharacter(value, true);
        if (unsafe.isPresent()) {
          errors.add(path + ": contains " + unsafe.get());
        } else {
          out.put(e.getKey(), value);
        }
      }
    }
    return out;
  }

  private static String scalarOrList(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (!v.isArray()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        return null;
      }
      items.add(item.asText());
    }
    return String.join(",", items);
  }

  private static WebhookEvent.Approval approval(
      JsonNode node, WebhookEvent.Type type, List<String> errors) {
    if (node == null || node.isNull()) {
      errors.add("approval: required");
      return null;
    }
    if (!node.isObject()) {
      errors.add("approval: must be an object");
      return null;
    }
    unknown(node, APPROVAL_FIELDS, "approval.", errors);
    String state = text(node, "state", true, 40, "approval.state", errors);
    if (state != null && !APPROVAL_STATES.contains(state)) {
      errors.add("approval.state: not a sysapproval_approver state");
    }
    boolean decision = type == WebhookEvent.Type.APPROVAL;
    String approver = text(node, "approver", decision, MAX_USER, "approval.approver", errors);
    String sysId =
        matching(
            node, "approval.", "sys_id", SYS_ID, "32 lower-case hex characters", decision, errors);
    String comments = text(node, "comments", false, MAX_VALUE, "approval.comments", errors);
    if (decision && state != null && !state.equals("approved") && !state.equals("rejected")) {
      errors.add("approval.state: must be approved or rejected for an approval event");
    }
    return new WebhookEvent.Approval(state, approver, sysId, comments);
  }

  private static void unknown(
      JsonNode node, Set<String> known, String prefix, List<String> errors) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                errors.add(prefix + Texts.clip(name, 40) + ": unknown field");
              }
            });
  }

  private static String text(
      JsonNode node, String field, boolean required, int max, List<String> errors) {
    return text(node, field, required, max, field, errors);
  }

  private static String text(
      JsonNode node, String field, boolean required, int max, String path, List<String> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        errors.add(path + ": required");
      }
      return null;
    }
    if (!v.isTextual()) {
      errors.add(path + ": must be a string");
      return null;
    }
    if (v.asText().length() > max) {
      errors.add(path + ": longer than " + max + " characters");
      return null;
    }
    // Free text (an approver's comment) may break lines; nothing else may.
    Optional<String> unsafe = Texts.unsafeCharacter(v.asText(), FREE_TEXT.contains(path));
    if (unsafe.isPresent()) {
      errors.add(path + ": contains " + unsafe.get());
      return null;
    }
    return v.asText();
  }

  private static String matching(
      JsonNode node,
      String prefix,
      String field,
      Pattern pattern,
      String expected,
      boolean required,
      List<String> errors) {
    String path = prefix + field;
    String value = text(node, field, required, 200, path, errors);
    if (value != null && !pattern.matcher(value).matches()) {
      errors.add(path + ": must be " + expected);
      return null;
    }
    return value;
  }
}
