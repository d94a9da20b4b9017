package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What people and catalog flows do on an instance: users, requested items with their variables,
 * approvals; and the event body the business rule would send for a record.
 */
final class SnTickets {
  /** The business rule escapes non-ASCII so the signed bytes cannot depend on a charset. */
  private static final ObjectMapper ASCII_JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final String SYSTEM = "system";

  private final SnStore store;
  private final SnAttachments attachments;

  SnTickets(SnStore store, SnAttachments attachments) {
    this.store = store;
    this.attachments = attachments;
  }

  /** The sys_user with this user_name, created (email user_name@example.com) when absent. */
  String user(String userName) {
    return store.all(SnSchema.USER).stream()
        .filter(u -> userName.equals(u.get("user_name")))
        .map(u -> u.get("sys_id"))
        .findFirst()
        .orElseGet(
            () ->
                store
                    .insert(
                        SnSchema.USER,
                        Map.of("user_name", userName, "email", userName + "@example.com"),
                        SYSTEM)
                    .get("sys_id"));
  }

  String createRitm(String number, Map<String, String> variables, String requestedBy) {
    String userId = user(requestedBy);
    String request =
        store
            .insert(
                SnSchema.REQUEST, Map.of("requested_for", userId, "opened_by", userId), requestedBy)
            .get("sys_id");
    Map<String, String> fields = new LinkedHashMap<>();
    if (number != null) {
      fields.put("number", number);
    }
    fields.put("request", request);
    fields.put("opened_by", userId);
    fields.put("requested_for", userId);
    fields.put("short_description", "Roster request");
    fields.put("approval", "requested");
    fields.put("stage", "waiting_for_approval");
    String ritm = store.insert(SnSchema.RITM, fields, requestedBy).get("sys_id");
    variables.forEach((name, value) -> addVariable(ritm, name, value, requestedBy));
    return ritm;
  }

  /** Gives a RITM one more catalog variable. */
  void addVariable(String ritm, String name, String value, String user) {
    String definition =
        store.all(SnSchema.VARIABLE).stream()
            .filter(v -> name.equals(v.get("name")))
            .map(v -> v.get("sys_id"))
            .findFirst()
            .orElseGet(
                () ->
                    store
                        .insert(
                            SnSchema.VARIABLE, Map.of("name", name, "question_text", name), SYSTEM)
                        .get("sys_id"));
    String option =
        store
            .insert(SnSchema.OPTION, Map.of("item_option_new", definition, "value", value), user)
            .get("sys_id");
    store.insert(
        SnSchema.OPTION_MTOM, Map.of("request_item", ritm, "sc_item_option", option), user);
  }

  /**
   * The requester fills a RITM's Attachment variable: the file is stored on the RITM under {@code
   * ZZ_YYsc_req_item} (⚠ unverified, see {@link SnAttachments#VARIABLE_PREFIX}), and the variable's
   * value is its sys_id. Returns that sys_id.
   */
  String attachToVariable(
      String ritm, String variable, String fileName, String type, byte[] bytes) {
    String requester =
        store
            .peek(SnSchema.RITM, ritm)
            .orElseThrow(() -> new IllegalArgumentException("no sc_req_item record " + ritm))
            .get("sys_created_by");
    String id =
        attachments.attach(
            SnAttachments.VARIABLE_PREFIX + SnSchema.RITM, ritm, fileName, type, bytes, requester);
    addVariable(ritm, variable, id, requester);
    return id;
  }

  /** A fulfiller sets a task's closing state: 3 complete, 4 incomplete, 7 skipped. */
  void closeTask(String task, String state) {
    store
        .update(SnSchema.TASK, task, Map.of("state", state), "fulfiller")
        .orElseThrow(() -> new IllegalArgumentException("no sc_task " + task));
  }

  /** A RITM's variables by name, in the order they were added. */
  Map<String, String> variables(String ritm) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> link : store.all(SnSchema.OPTION_MTOM)) {
      if (!ritm.equals(link.get("request_item"))) {
        continue;
      }
      store
          .peek(SnSchema.OPTION, link.get("sc_item_option"))
          .ifPresent(
              option ->
                  store
                      .peek(SnSchema.VARIABLE, option.get("item_option_new"))
                      .ifPresent(def -> out.put(def.get("name"), option.get("value"))));
    }
    return out;
  }

  /** Records an approver's decision on a RITM and rolls it up to the RITM's approval field. */
  String decide(String ritm, String approver, String state) {
    store
        .peek(SnSchema.RITM, ritm)
        .orElseThrow(() -> new NoSuchElementException("no RITM " + ritm));
    String approverId = user(approver);
    String approval =
        store.all(SnSchema.APPROVAL).stream()
            .filter(a -> ritm.equals(a.get("sysapproval")) && approverId.equals(a.get("approver")))
            .map(a -> a.get("sys_id"))
            .findFirst()
            .orElse(null);
    if (approval == null) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("sysapproval", ritm);
      fields.put("document_id", ritm);
      fields.put("source_table", SnSchema.RITM);
      fields.put("approver", approverId);
      fields.put("state", state);
      approval = store.insert(SnSchema.APPROVAL, fields, approver).get("sys_id");
    } else {
      store.update(SnSchema.APPROVAL, approval, Map.of("state", state), approver);
    }
    store.update(SnSchema.RITM, ritm, Map.of("approval", state), SYSTEM);
    return approval;
  }

  /**
   * The event body the business rule sends: {@code {event, table, sys_id, number, sys_updated_on,
   * variables, requested_by, approval}}. For an sc_task, variables and requester come from its
   * RITM. For {@code approval} events, {@code approval} describes the latest decided approver row.
   */
  byte[] eventBody(String event, String table, String sysId) {
    Map<String, String> record =
        store.peek(table, sysId).orElseThrow(() -> new NoSuchElementException(table + " " + sysId));
    String ritmId = table.equals(SnSchema.TASK) ? record.get("request_item") : sysId;
    Map<String, String> ritm = store.peek(SnSchema.RITM, ritmId).orElse(record);
    ObjectNode body = ASCII_JSON.createObjectNode();
    body.put("event", event);
    body.put("table", table);
    body.put("sys_id", sysId);
    body.put("number", record.getOrDefault("number", ""));
    body.put("sys_updated_on", record.getOrDefault("sys_updated_on", ""));
    ObjectNode vars = body.putObject("variables");
    variables(ritmId).forEach(vars::put);
    body.put("requested_by", userName(ritm.getOrDefault("opened_by", "")));
    ObjectNode approval = body.putObject("approval");
    if (event.equals("approval")) {
      Map<String, String> decided = latestApproval(ritmId);
      approval.put("sys_id", decided.get("sys_id"));
      approval.put("state", decided.get("state"));
      approval.put("approver", userName(decided.get("approver")));
    } else {
      approval.put("state", ritm.getOrDefault("approval", "not requested"));
    }
    try {
      return ASCII_JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> latestApproval(String ritm) {
    List<Map<String, String>> rows =
        store.all(SnSchema.APPROVAL).stream()
            .filter(a -> ritm.equals(a.get("sysapproval")))
            .sorted(Comparator.comparing(a -> a.get("sys_updated_on")))
            .toList();
    if (rows.isEmpty()) {
      throw new NoSuchElementException("no approval on RITM " + ritm);
    }
    return rows.get(rows.size() - 1);
  }

  private String userName(String userSysId) {
    return store.peek(SnSchema.USER, userSysId).map(u -> u.get("user_name")).orElse("");
  }
}
