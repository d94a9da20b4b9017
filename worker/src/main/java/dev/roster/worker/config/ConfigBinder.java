package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.workflows.request.Roles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a YAML tree (overrides already applied) into {@link RosterConfig}, filling in defaults from
 * the records' {@code DEFAULTS} and the {@link VendorTypes} registry, and reporting every bad value
 * to the {@link ConfigReader}. The caller throws when the reader has problems.
 */
final class ConfigBinder {
  /** Account ids become part of task-queue names ({@code roster-<account>-<family>}). */
  static final Pattern ACCOUNT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  static final SecretRef DEFAULT_SUBJECT_KEY = SecretRef.env("ROSTER_SUBJECT_KEY", "subjectKey");

  private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

  private final ConfigReader in;
  private final VendorTypes types;

  ConfigBinder(ConfigReader in, VendorTypes types) {
    this.in = in;
    this.types = types;
  }

  RosterConfig bind(ObjectNode root) {
    in.rejectUnknownKeys(root, "", ConfigShape.ROOT.keys());
    TemporalConfig temporal = temporal(section(root, "", "temporal", ConfigShape.TEMPORAL));
    HttpConfig http = new HttpBinder(in).bind(section(root, "", "http", ConfigShape.HTTP));
    SecretRef subjectKey = in.secret(root, "", "subjectKey", DEFAULT_SUBJECT_KEY);
    Map<String, AccountConfig> accounts = accounts(root);
    return new RosterConfig(
        temporal,
        http,
        subjectKey,
        accounts,
        approvals(section(root, "", "approvals", ConfigShape.APPROVALS), accounts.keySet()),
        new ImportsBinder(in).bind(section(root, "", "imports", ConfigShape.IMPORTS)),
        worker(section(root, "", "worker", ConfigShape.WORKER)),
        new ServiceNowBinder(in).bind(root));
  }

  private ObjectNode section(ObjectNode parent, String path, String key, ConfigShape shape) {
    return in.section(parent, path, key, shape.keys()).orElse(EMPTY);
  }

  private TemporalConfig temporal(ObjectNode node) {
    TemporalConfig d = TemporalConfig.DEFAULTS;
    String address = in.text(node, "temporal", "address", d.address()).strip();
    if (!address.isEmpty() && !isHostAndPort(address)) {
      in.problem(
          "temporal.address",
          "expected host:port of a Temporal frontend (e.g. temporal.example.com:7233), or empty"
              + " for the embedded server, got \""
              + address
              + "\"");
      address = d.address();
    }
    String namespace = in.text(node, "temporal", "namespace", d.namespace()).strip();
    if (namespace.isEmpty()) {
      in.problem("temporal.namespace", "expected a Temporal namespace name, got \"\"");
      namespace = d.namespace();
    }
    return new TemporalConfig(
        address,
        namespace,
        in.integer(node, "temporal", "embeddedPort", d.embeddedPort(), 1, 65535),
        tls(section(node, "temporal", "tls", ConfigShape.TLS)),
        in.secret(node, "temporal", "apiKey", d.apiKey()),
        new PayloadKeysBinder(in).bind(node));
  }

  /** {@code host:port}, also gRPC targets such as {@code dns:///host:port}. */
  private static boolean isHostAndPort(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 1 || !address.substring(colon + 1).matches("\\d{1,5}")) {
      return false;
    }
    int port = Integer.parseInt(address.substring(colon + 1));
    return port >= 1 && port <= 65535 && !address.substring(0, colon).endsWith(":");
  }

  private TlsConfig tls(ObjectNode node) {
    String at = "temporal.tls";
    boolean enabled = in.bool(node, at, "enabled", false);
    Path cert = in.path(node, at, "certFile");
    Path key = in.path(node, at, "keyFile");
    Path ca = in.path(node, at, "caFile");
    if (enabled) {
      if ((cert == null) != (key == null)) {
        in.problem(at, "give both certFile and keyFile (mTLS client certificate) or neither");
      }
      requireReadable(at + ".certFile", cert);
      requireReadable(at + ".keyFile", key);
      requireReadable(at + ".caFile", ca);
    }
    return new TlsConfig(enabled, cert, key, ca);
  }

  private void requireReadable(String path, Path file) {
    if (file != null && !Files.isReadable(file)) {
      in.problem(
          path, "file " + file + (Files.exists(file) ? " is not readable" : " does not exist"));
    }
  }

  private Map<String, AccountConfig> accounts(ObjectNode root) {
    Map<String, AccountConfig> accounts = new LinkedHashMap<>();
    JsonNode node = root.get("accounts");
    if (node == null || node.isNull()) {
      return accounts;
    }
    if (!node.isObject()) {
      in.problem(
          "accounts",
          "expected a mapping of account id to account, got " + ConfigReader.describe(node));
      return accounts;
    }
    node.properties()
        .forEach(e -> account(e.getKey(), e.getValue()).ifPresent(a -> accounts.put(a.id(), a)));
    return accounts;
  }

  private Optional<AccountConfig> account(String id, JsonNode value) {
    String at = "accounts." + id;
    if (!ACCOUNT_ID.matcher(id).matches()) {
      in.problem(
          at,
          "account id must match [a-z0-9][a-z0-9-]{0,39} (it becomes part of task-queue names)");
    }
    if (!value.isObject()) {
      in.problem(
          at,
          "expected a mapping with type, credentials, ..., got " + ConfigReader.describe(value));
      return Optional.empty();
    }
    ObjectNode node = (ObjectNode) value;
    in.rejectUnknownKeys(node, at, ConfigShape.ACCOUNT.keys());
    Optional<VendorType> type = type(node, at);
    Optional<URI> baseUrl = in.httpUrl(node, at, "baseUrl");
    SecretRef credentials = in.secret(node, at, "credentials", null);
    boolean sandbox = in.bool(node, at, "sandbox", false);
    Map<String, RateBudgetConfig> budgets = rateBudgets(node, at, type);
    InvitationConfig invitations =
        invitations(section(node, at, "invitations", ConfigShape.INVITATIONS), at);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (baseUrl.isEmpty() && !node.hasNonNull("baseUrl")) {
      baseUrl = type.get().defaultBaseUrl();
      if (baseUrl.isEmpty()) {
        in.problem(
            at + ".baseUrl",
            "required for "
                + type.get().yamlName()
                + " (self-hosted): the URL of your instance, e.g. https://listmonk.example.com");
      }
    }
    return baseUrl.map(
        url -> new AccountConfig(id, type.get(), url, credentials, sandbox, budgets, invitations));
  }

  private Optional<VendorType> type(ObjectNode node, String at) {
    String text = in.text(node, at, "type", null);
    if (text == null) {
      in.problem(at + ".type", "required: one of " + types.yamlNames());
      return Optional.empty();
    }
    Optional<VendorType> type = types.find(text.strip());
    if (type.isEmpty()) {
      in.problem(at + ".type", "expected one of " + types.yamlNames() + ", got \"" + text + "\"");
    }
    return type;
  }

  private Map<String, RateBudgetConfig> rateBudgets(
      ObjectNode account, String at, Optional<VendorType> type) {
    Map<String, RateBudgetConfig> budgets =
        new LinkedHashMap<>(type.map(VendorType::defaultBudgets).orElse(Map.of()));
    String path = at + ".rateBudgets";
    JsonNode node = account.get("rateBudgets");
    if (node == null || node.isNull()) {
      return budgets;
    }
    if (!node.isObject()) {
      in.problem(
          path,
          "expected a mapping of endpoint family to {requests, per}, got "
              + ConfigReader.describe(node));
      return budgets;
    }
    node.fieldNames()
        .forEachRemaining(
            family -> {
              RateBudgetConfig fallback = budgets.get(family);
              if (type.isPresent() && fallback == null) {
                in.problem(
                    path + "." + family,
                    "unknown endpoint family for "
                        + type.get().yamlName()
                        + " (expected one of: "
                        + String.join(", ", type.get().families())
                        + ")");
                return;
              }
              ObjectNode budget = section((ObjectNode) node, path, family, ConfigShape.RATE_BUDGET);
              String familyPath = path + "." + family;
              if (fallback == null) { // type unknown (already reported): still check the values
                fallback = new RateBudgetConfig(1, Duration.ofSeconds(1));
              }
              int requests =
                  in.integer(
                      budget, familyPath, "requests", fallback.requests(), 1, Integer.MAX_VALUE);
              Duration per = in.duration(budget, familyPath, "per", fallback.per());
              budgets.put(family, new RateBudgetConfig(requests, per));
            });
    return budgets;
  }

  private InvitationConfig invitations(ObjectNode node, String account) {
    InvitationConfig d = InvitationConfig.DEFAULTS;
    String at = account + ".invitations";
    Duration poll = in.duration(node, at, "pollInterval", d.pollInterval());
    Duration resend = in.duration(node, at, "resendAfter", d.resendAfter());
    Duration expire = in.duration(node, at, "expireAfter", d.expireAfter());
    if (resend.compareTo(expire) >= 0) {
      in.problem(
          at + ".resendAfter", "must be shorter than expireAfter (" + expire + "), got " + resend);
    }
    return new InvitationConfig(poll, resend, expire);
  }

  private WorkerConfig worker(ObjectNode node) {
    WorkerConfig d = WorkerConfig.DEFAULTS;
    String at = "worker";
    int max = 10_000;
    // The SDK needs two workflow task slots and pollers: one for the sticky queue, one normal.
    return new WorkerConfig(
        in.integer(node, at, "maxConcurrentActivities", d.maxConcurrentActivities(), 1, max),
        in.integer(node, at, "maxConcurrentWorkflowTasks", d.maxConcurrentWorkflowTasks(), 2, max),
        in.integer(node, at, "workflowPollers", d.workflowPollers(), 2, max),
        in.integer(node, at, "activityPollers", d.activityPollers(), 1, max),
        in.integer(node, at, "workflowCacheSize", d.workflowCacheSize(), 0, max * 10),
        in.duration(node, at, "shutdownGrace", d.shutdownGrace()),
        in.integer(node, at, "opsPort", d.opsPort(), 0, 65535));
  }

  private ApprovalConfig approvals(ObjectNode node, Set<String> accounts) {
    ApprovalConfig d = ApprovalConfig.DEFAULTS;
    List<String> privileged = in.strings(node, "approvals", "privilegedRoles", d.privilegedRoles());
    for (String role : privileged) {
      if (!Roles.isRole(role)) {
        in.problem(
            "approvals.privilegedRoles",
            "'" + role + "' is not a Roster role (expected " + Roles.described() + ")");
      }
    }
    ApproversBinder approvers = new ApproversBinder(in);
    Map<String, List<String>> groups = approvers.groups(node);
    return new ApprovalConfig(
        privileged,
        in.duration(node, "approvals", "timeout", d.timeout()),
        in.duration(node, "approvals", "remindEvery", d.remindEvery()),
        approvers.approvers(node, accounts, groups.keySet()),
        groups,
        new OidcBinder(in).bind(node));
  }
}
