package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.workflows.approval.ApproverRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code approvals.approvers} (rules by name: kind, accounts, people, groups, required) and
 * {@code approvals.groups} (group name to member names), checking that each rule names a kind,
 * somebody, known accounts and known groups.
 */
final class ApproversBinder {
  private static final String AT = "approvals.approvers";

  private final ConfigReader in;

  ApproversBinder(ConfigReader in) {
    this.in = in;
  }

  Map<String, List<String>> groups(ObjectNode approvals) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    JsonNode node = approvals == null ? null : approvals.get("groups");
    if (node == null || node.isNull()) {
      return groups;
    }
    if (!node.isObject()) {
      in.problem(
          "approvals.groups",
          "expected a mapping of group name to member names, got " + ConfigReader.describe(node));
      return groups;
    }
    node.fieldNames()
        .forEachRemaining(
            g -> groups.put(g, in.strings((ObjectNode) node, "approvals.groups", g, List.of())));
    return groups;
  }

  Map<String, ApproverRule> approvers(
      ObjectNode approvals, Set<String> accounts, Set<String> groups) {
    Map<String, ApproverRule> rules = new LinkedHashMap<>();
    JsonNode node = approvals == null ? null : approvals.get("approvers");
    if (node == null || node.isNull()) {
      return rules;
    }
    if (!node.isObject()) {
      in.problem(
          AT,
          "expected a mapping of rule name to {kind, people, groups, accounts, required}, got "
              + ConfigReader.describe(node));
      return rules;
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              String at = AT + "." + name;
              ObjectNode rule =
                  in.section((ObjectNode) node, AT, name, ConfigShape.APPROVER.keys()).orElse(null);
              if (rule == null) {
                return;
              }
              String kind = in.text(rule, at, "kind", null);
              if (kind == null || !ApproverRule.KINDS.contains(kind)) {
                in.problem(
                    at + ".kind",
                    "expected one of "
                        + String.join(", ", ApproverRule.KINDS)
                        + ", got "
                        + (kind == null ? "nothing" : "'" + kind + "'"));
              }
              List<String> people = in.strings(rule, at, "people", List.of());
              List<String> named = in.strings(rule, at, "groups", List.of());
              if (people.isEmpty() && named.isEmpty()) {
                in.problem(at, "names nobody: give people or groups");
              }
              named.stream()
                  .filter(g -> !groups.contains(g))
                  .forEach(
                      g -> in.problem(at + ".groups", "'" + g + "' is not in approvals.groups"));
              List<String> covered = in.strings(rule, at, "accounts", List.of());
              covered.stream()
                  .filter(a -> !accounts.contains(a))
                  .forEach(a -> in.problem(at + ".accounts", "'" + a + "' is not an account"));
              int required = in.integer(rule, at, "required", 1, 1, 5);
              rules.put(name, new ApproverRule(kind, covered, people, named, required));
            });
    return rules;
  }
}
