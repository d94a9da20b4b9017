package dev.roster.sandbox.servicenow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The instance's rows: table -> sys_id -> column -> string value. Every value is a string, as on
 * the wire. Journal columns are diverted to {@code sys_journal_field} and stored empty. One lock
 * guards everything; callers get copies. Thread-safe.
 */
final class SnStore {
  private final Supplier<Instant> clock;
  private final Map<String, Map<String, Map<String, String>>> tables = new HashMap<>();
  private final Set<String> hidden = new HashSet<>();
  private final Map<String, Integer> nextNumber = new HashMap<>();

  SnStore(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /**
   * Inserts a row and returns it. A {@code sys_id} in {@code fields} is kept (import-set style).
   */
  synchronized Map<String, String> insert(String table, Map<String, String> fields, String user) {
    String now = SnSchema.glideTime(clock.get());
    Map<String, String> row = new LinkedHashMap<>();
    String sysId = fields.getOrDefault("sys_id", "");
    row.put("sys_id", sysId.isEmpty() ? SnSchema.newSysId() : sysId);
    row.put("sys_class_name", table);
    row.put("sys_created_on", now);
    row.put("sys_created_by", user);
    row.put("sys_mod_count", "0");
    if (SnSchema.isTaskTable(table)) {
      row.put("number", nextNumber(table));
      row.put("state", "1");
      row.put("active", "true");
      row.put("work_notes", "");
      row.put("comments", "");
      row.put("close_notes", "");
    }
    apply(table, row, fields, user, now);
    row.put("sys_mod_count", "0");
    rows(table).put(row.get("sys_id"), row);
    return Map.copyOf(row);
  }

  /** Updates a visible row; empty when it is missing or hidden. */
  synchronized Optional<Map<String, String>> update(
      String table, String sysId, Map<String, String> fields, String user) {
    Map<String, String> row = visibleRow(table, sysId);
    if (row == null) {
      return Optional.empty();
    }
    String now = SnSchema.glideTime(clock.get());
    apply(table, row, fields, user, now);
    row.put("sys_mod_count", Integer.toString(Integer.parseInt(row.get("sys_mod_count")) + 1));
    return Optional.of(Map.copyOf(row));
  }

  /** A copy of a visible row. */
  synchronized Optional<Map<String, String>> get(String table, String sysId) {
    Map<String, String> row = visibleRow(table, sysId);
    return row == null ? Optional.empty() : Optional.of(Map.copyOf(row));
  }

  /** A copy of a row whether or not an ACL hides it: for inspection and dot-walks. */
  synchronized Optional<Map<String, String>> peek(String table, String sysId) {
    Map<String, String> row = rows(table).get(sysId);
    return row == null ? Optional.empty() : Optional.of(Map.copyOf(row));
  }

  /** Copies of every row of a table in insertion order, hidden ones included. */
  synchronized List<Map<String, String>> all(String table) {
    List<Map<String, String>> out = new ArrayList<>();
    rows(table).values().forEach(r -> out.add(Map.copyOf(r)));
    return out;
  }

  /** The entries of one journal column of a record, oldest first. */
  synchronized List<String> journal(String table, String sysId, String element) {
    return rows(SnSchema.JOURNAL).values().stream()
        .filter(j -> table.equals(j.get("name")) && sysId.equals(j.get("element_id")))
        .filter(j -> element.equals(j.get("element")))
        .map(j -> j.get("value"))
        .toList();
  }

  synchronized boolean visible(String table, String sysId) {
    return !hidden.contains(table + ":" + sysId);
  }

  /** Makes a row invisible to the API as an ACL would: 404 on read and write, absent in lists. */
  synchronized void hide(String table, String sysId) {
    hidden.add(table + ":" + sysId);
  }

  private Map<String, String> visibleRow(String table, String sysId) {
    Map<String, String> row = rows(table).get(sysId);
    return row == null || hidden.contains(table + ":" + sysId) ? null : row;
  }

  private void apply(
      String table, Map<String, String> row, Map<String, String> fields, String user, String now) {
    fields.forEach(
        (column, value) -> {
          if (column.equals("sys_id") || column.startsWith("sys_")) {
            return; // system columns are read-only through the API
          }
          if (SnSchema.JOURNAL_FIELDS.contains(column)) {
            if (!value.isBlank()) {
              journal(table, row.get("sys_id"), column, value, user, now);
            }
            row.put(column, "");
          } else {
            row.put(column, value);
          }
        });
    if (SnSchema.isTaskTable(table)) {
      boolean closed = SnSchema.CLOSED_STATES.contains(row.get("state"));
      row.put("active", Boolean.toString(!closed));
      if (closed && row.getOrDefault("closed_at", "").isEmpty()) {
        row.put("closed_at", now);
      }
    }
    row.put("sys_updated_on", now);
    row.put("sys_updated_by", user);
  }

  private void journal(
      String table, String elementId, String element, String value, String user, String now) {
    Map<String, String> entry = new LinkedHashMap<>();
    String sysId = SnSchema.newSysId();
    entry.put("sys_id", sysId);
    entry.put("sys_class_name", SnSchema.JOURNAL);
    entry.put("name", table);
    entry.put("element_id", elementId);
    entry.put("element", element);
    entry.put("value", value);
    entry.put("sys_created_on", now);
    entry.put("sys_created_by", user);
    rows(SnSchema.JOURNAL).put(sysId, entry);
  }

  private String nextNumber(String table) {
    int n = nextNumber.merge(table, 10001, (a, b) -> a + 1);
    return SnSchema.NUMBER_PREFIX.get(table) + String.format("%07d", n);
  }

  private Map<String, Map<String, String>> rows(String table) {
    return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
  }
}
