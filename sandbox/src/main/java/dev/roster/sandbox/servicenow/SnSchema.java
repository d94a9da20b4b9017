package dev.roster.sandbox.servicenow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The slice of a ServiceNow instance's dictionary the fake knows: tables, reference columns,
 * journal columns and number prefixes. Tables are schemaless otherwise: any column may be written.
 */
final class SnSchema {
  static final String RITM = "sc_req_item";
  static final String REQUEST = "sc_request";
  static final String TASK = "sc_task";
  static final String APPROVAL = "sysapproval_approver";
  static final String JOURNAL = "sys_journal_field";
  static final String USER = "sys_user";
  static final String ATTACHMENT = "sys_attachment";
  static final String OPTION_MTOM = "sc_item_option_mtom";
  static final String OPTION = "sc_item_option";
  static final String VARIABLE = "item_option_new";

  /** Columns that append a {@code sys_journal_field} entry on write and read back empty. */
  static final Set<String> JOURNAL_FIELDS = Set.of("work_notes", "comments");

  /** Tables extending {@code task}: they get a number, a state and an active flag. */
  static final Map<String, String> NUMBER_PREFIX =
      Map.of(RITM, "RITM", REQUEST, "REQ", TASK, "SCTASK");

  /** Task states that make a task inactive: Closed Complete, Closed Incomplete, Closed Skipped. */
  static final Set<String> CLOSED_STATES = Set.of("3", "4", "7");

  static final Set<String> TABLES =
      Set.of(
          RITM,
          REQUEST,
          TASK,
          APPROVAL,
          JOURNAL,
          USER,
          ATTACHMENT,
          OPTION_MTOM,
          OPTION,
          VARIABLE,
          "sc_cat_item");

  /** table -> reference column -> referenced table. */
  private static final Map<String, Map<String, String>> REFERENCES =
      Map.of(
          RITM,
          Map.of(
              "request", REQUEST,
              "opened_by", USER,
              "requested_for", USER,
              "assigned_to", USER,
              "cat_item", "sc_cat_item"),
          REQUEST,
          Map.of("requested_for", USER, "opened_by", USER),
          TASK,
          Map.of(
              "request_item", RITM,
              "parent", RITM,
              "request", REQUEST,
              "assigned_to", USER,
              "opened_by", USER),
          APPROVAL,
          Map.of("approver", USER, "sysapproval", RITM),
          OPTION_MTOM,
          Map.of("request_item", RITM, "sc_item_option", OPTION),
          OPTION,
          Map.of("item_option_new", VARIABLE));

  private static final DateTimeFormatter GLIDE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private SnSchema() {}

  /** The table a reference column points at, or null when the column is not a reference. */
  static String referenceTable(String table, String column) {
    return REFERENCES.getOrDefault(table, Map.of()).get(column);
  }

  static boolean isTaskTable(String table) {
    return NUMBER_PREFIX.containsKey(table);
  }

  /** A new 32-character lower-case hex sys_id. */
  static String newSysId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** GlideDateTime's value form: {@code yyyy-MM-dd HH:mm:ss} in UTC, one-second precision. */
  static String glideTime(Instant instant) {
    return GLIDE_TIME.format(instant);
  }
}
