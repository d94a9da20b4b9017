package dev.roster.worker.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of roster.yaml: which keys each section accepts. The one list of accepted keys, used
 * both to reject unknown keys in the file and to resolve {@code ROSTER__A__B} overrides.
 */
final class ConfigShape {
  enum Kind {
    /** A scalar: string, number, boolean, duration, URL, path. */
    VALUE,
    /** A list of scalars. */
    LIST,
    /** A mapping with fixed keys. */
    SECTION,
    /** A mapping whose keys are names chosen by the user (account ids, endpoint families). */
    MAP,
    /** {@code {env: NAME}} or {@code {file: PATH}}. */
    SECRET
  }

  static final ConfigShape VALUE = new ConfigShape(Kind.VALUE, Map.of(), null);
  static final ConfigShape LIST = new ConfigShape(Kind.LIST, Map.of(), null);
  static final ConfigShape SECRET =
      new ConfigShape(Kind.SECRET, fields("env", VALUE, "file", VALUE), null);

  static final ConfigShape TLS =
      section("enabled", VALUE, "certFile", VALUE, "keyFile", VALUE, "caFile", VALUE);
  static final ConfigShape PAYLOAD_KEYS = section("active", VALUE, "keys", map(SECRET));
  static final ConfigShape TEMPORAL =
      section(
          "address",
          VALUE,
          "namespace",
          VALUE,
          "embeddedPort",
          VALUE,
          "tls",
          TLS,
          "apiKey",
          SECRET,
          "payloadKeys",
          PAYLOAD_KEYS);
  static final ConfigShape CODEC =
      section("origins", LIST, "tokens", map(SECRET), "maxBody", VALUE);
  static final ConfigShape HTTP =
      section(
          "bind",
          VALUE,
          "port",
          VALUE,
          "codec",
          CODEC,
          "maxThreads",
          VALUE,
          "idleTimeout",
          VALUE,
          "maxHeaderBytes",
          VALUE,
          "maxBodyBytes",
          VALUE,
          "readTimeout",
          VALUE);
  static final ConfigShape RATE_BUDGET = section("requests", VALUE, "per", VALUE);
  static final ConfigShape INVITATIONS =
      section("pollInterval", VALUE, "resendAfter", VALUE, "expireAfter", VALUE);
  static final ConfigShape ACCOUNT =
      section(
          "type",
          VALUE,
          "baseUrl",
          VALUE,
          "credentials",
          SECRET,
          "sandbox",
          VALUE,
          "rateBudgets",
          map(RATE_BUDGET),
          "invitations",
          INVITATIONS);
  static final ConfigShape IMPORTS =
      section("enabled", VALUE, "store", VALUE, "allowedRoots", LIST, "deleteFilesWhenDone", VALUE);
  static final ConfigShape APPROVER =
      section("kind", VALUE, "accounts", LIST, "people", LIST, "groups", LIST, "required", VALUE);
  static final ConfigShape OIDC =
      section(
          "issuer",
          VALUE,
          "audience",
          VALUE,
          "jwksUrl",
          VALUE,
          "groupsClaim",
          VALUE,
          "usernameClaim",
          VALUE);
  static final ConfigShape APPROVALS =
      section(
          "privilegedRoles",
          LIST,
          "timeout",
          VALUE,
          "remindEvery",
          VALUE,
          "approvers",
          map(APPROVER),
          "groups",
          map(LIST),
          "oidc",
          OIDC);
  static final ConfigShape SERVICENOW =
      section(
          "instanceUrl",
          VALUE,
          "sandbox",
          VALUE,
          "user",
          VALUE,
          "password",
          SECRET,
          "clientId",
          VALUE,
          "clientSecret",
          SECRET,
          "rateBudget",
          RATE_BUDGET,
          "webhookSecret",
          SECRET,
          "webhookUser",
          VALUE,
          "webhookPassword",
          SECRET,
          "webhookTolerance",
          VALUE,
          "webhookMaxBody",
          VALUE,
          "mode",
          VALUE,
          "pollInterval",
          VALUE,
          "preApproved",
          VALUE,
          "manualTasksAsTickets",
          VALUE,
          "variables",
          map(VALUE));
  static final ConfigShape WORKER =
      section(
          "maxConcurrentActivities",
          VALUE,
          "maxConcurrentWorkflowTasks",
          VALUE,
          "workflowPollers",
          VALUE,
          "activityPollers",
          VALUE,
          "workflowCacheSize",
          VALUE,
          "shutdownGrace",
          VALUE,
          "opsPort",
          VALUE);
  static final ConfigShape ROOT =
      section(
          "temporal",
          TEMPORAL,
          "http",
          HTTP,
          "subjectKey",
          SECRET,
          "accounts",
          map(ACCOUNT),
          "approvals",
          APPROVALS,
          "imports",
          IMPORTS,
          "worker",
          WORKER,
          "servicenow",
          SERVICENOW);

  final Kind kind;

  /** Accepted keys of a SECTION or SECRET, in documentation order. */
  final Map<String, ConfigShape> fields;

  /** The shape of each entry of a MAP. */
  final ConfigShape entries;

  private ConfigShape(Kind kind, Map<String, ConfigShape> fields, ConfigShape entries) {
    this.kind = kind;
    this.fields = fields;
    this.entries = entries;
  }

  List<String> keys() {
    return List.copyOf(fields.keySet());
  }

  boolean isContainer() {
    return kind == Kind.SECTION || kind == Kind.MAP || kind == Kind.SECRET;
  }

  private static ConfigShape section(Object... keyThenShape) {
    return new ConfigShape(Kind.SECTION, fields(keyThenShape), null);
  }

  private static ConfigShape map(ConfigShape entries) {
    return new ConfigShape(Kind.MAP, Map.of(), entries);
  }

  private static Map<String, ConfigShape> fields(Object... keyThenShape) {
    Map<String, ConfigShape> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyThenShape.length; i += 2) {
      fields.put((String) keyThenShape[i], (ConfigShape) keyThenShape[i + 1]);
    }
    return Collections.unmodifiableMap(fields);
  }
}
