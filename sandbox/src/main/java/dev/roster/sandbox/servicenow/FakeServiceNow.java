package dev.roster.sandbox.servicenow;

import dev.roster.sandbox.FakeOptionsBuilder;
import dev.roster.sandbox.Faults;
import dev.roster.sandbox.RateBudget;
import dev.roster.sandbox.SandboxFake;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stateful fake ServiceNow instance on 127.0.0.1: the Table API, the Attachment API and {@code
 * /oauth_token.do}, answering with an instance's envelopes, string values, {@code {link, value}}
 * references, journal fields that append and read back empty, {@code X-Total-Count}/{@code Link},
 * 404 for missing and ACL-hidden records, and 429 with {@code Retry-After} once the hourly budget
 * is spent. It can also fire the webhook the {@code deploy/servicenow} business rule would send.
 *
 * <p>Requests pass, in order: injected {@link Faults}, routing (unknown path 404, wrong method
 * 405), authentication (Basic or Bearer; 401), the rate budget (429), then the handler.
 *
 * <p>Catalog variables are not columns: they live in {@code item_option_new}, {@code
 * sc_item_option} and {@code sc_item_option_mtom}, read with a dot-walk, e.g. {@code GET
 * /api/now/table/sc_item_option_mtom?sysparm_query=request_item=<ritm>
 * &sysparm_fields=sc_item_option.item_option_new.name,sc_item_option.value}.
 */
public final class FakeServiceNow extends SandboxFake {
  private final Options options;
  private final SnStore store;
  private final SnAuth auth;
  private final SnTableApi tables;
  private final SnAttachments attachments;
  private final SnTickets tickets;
  private final SnGate gate;
  private final WebhookFirer firer = new WebhookFirer();

  private FakeServiceNow(Options options) {
    super("servicenow");
    this.options = options;
    server.clock(options.clock());
    this.store = new SnStore(options.clock());
    this.auth =
        new SnAuth(
            options.user(),
            options.password(),
            options.clientId(),
            options.clientSecret(),
            options.tokenTtl(),
            options.clock());
    RateBudget budget = rateBudget(options.rateLimit(), options.rateWindow(), options.clock());
    this.gate = new SnGate(auth, budget, options.clock());
    this.tables = new SnTableApi(store, this::baseUrl);
    this.attachments = new SnAttachments(store, tables, this::baseUrl);
    this.tickets = new SnTickets(store, attachments);
  }

  public static FakeServiceNow start(Options options) {
    FakeServiceNow instance = new FakeServiceNow(options);
    instance.registerRoutes();
    instance.server.start(options.port());
    return instance;
  }

  /** Starts with {@link Options#defaults()}. */
  public static FakeServiceNow start() {
    return start(Options.defaults());
  }

  private void registerRoutes() {
    server.route("POST", "/oauth_token.do", auth::token);
    for (String prefix : List.of("/api/now/table", "/api/now/v2/table")) {
      boolean v2 = prefix.contains("/v2/");
      api("GET", prefix + "/{table}", (r, user) -> tables.list(r, v2));
      api("POST", prefix + "/{table}", tables::create);
      api("GET", prefix + "/{table}/{sys_id}", (r, user) -> tables.read(r));
      api("PATCH", prefix + "/{table}/{sys_id}", tables::update);
      api("PUT", prefix + "/{table}/{sys_id}", tables::update);
    }
    api("GET", "/api/now/attachment", (r, user) -> attachments.list(r));
    api("GET", "/api/now/attachment/{sys_id}", (r, user) -> attachments.metadata(r));
    api("GET", "/api/now/attachment/{sys_id}/file", (r, user) -> attachments.file(r));
    api("POST", "/api/now/attachment/file", attachments::upload);
  }

  private void api(String method, String template, SnGate.UserHandler handler) {
    server.route(method, template, gate.wrap(handler));
  }

  // ---- Inspection and the instance's own actions, for tests and the demo ----

  /** A row as stored (journal columns empty), whether or not an ACL hides it. */
  public Optional<Map<String, String>> record(String table, String sysId) {
    return store.peek(table, sysId);
  }

  /** Every row of a table in insertion order. */
  public List<Map<String, String>> records(String table) {
    return store.all(table);
  }

  /** The work notes appended to a record, oldest first. */
  public List<String> workNotes(String table, String sysId) {
    return journal(table, sysId, "work_notes");
  }

  /** The entries of one journal column of a record, oldest first. */
  public List<String> journal(String table, String sysId, String element) {
    return store.journal(table, sysId, element);
  }

  /** The sys_id of the user with this user_name, created when absent. */
  public String createUser(String userName) {
    return tickets.user(userName);
  }

  /**
   * Creates a requested item (and its request) awaiting approval, with catalog variables.
   *
   * @param number e.g. {@code RITM0010001}, or null to number it automatically
   * @param requestedBy the requester's user_name (created when absent)
   * @return the RITM's sys_id
   */
  public String createRitm(String number, Map<String, String> variables, String requestedBy) {
    return tickets.createRitm(number, variables, requestedBy);
  }

  /** A RITM's catalog variables by name. */
  public Map<String, String> variables(String ritmSysId) {
    return tickets.variables(ritmSysId);
  }

  /** The approver approves the RITM: creates or updates their sysapproval_approver row. */
  public String approve(String ritmSysId, String approver) {
    return tickets.decide(ritmSysId, approver, "approved");
  }

  /** The approver rejects the RITM. */
  public String reject(String ritmSysId, String approver) {
    return tickets.decide(ritmSysId, approver, "rejected");
  }

  /** A fulfiller closes the task Closed Complete (state 3). */
  public void closeTask(String taskSysId) {
    closeTask(taskSysId, "3");
  }

  /** A fulfiller sets a closing state: 3 complete, 4 incomplete, 7 skipped. */
  public void closeTask(String taskSysId, String state) {
    tickets.closeTask(taskSysId, state);
  }

  /**
   * Attaches a file to a record as a person would (the paperclip); returns the attachment's sys_id.
   *
   * @throws IllegalArgumentException when the record does not exist
   */
  public String attach(String table, String sysId, String fileName, String type, byte[] bytes) {
    return attachments.attach(table, sysId, fileName, type, bytes, options.user());
  }

  /**
   * The requester fills a RITM's Attachment variable: the file is stored on the RITM under {@code
   * ZZ_YYsc_req_item} (⚠ unverified, see {@link SnAttachments#VARIABLE_PREFIX}), so it is not in
   * the RITM's attachment list, and the variable's value is its sys_id. Returns that sys_id.
   *
   * @throws IllegalArgumentException when the RITM does not exist
   */
  public String attachToVariable(
      String ritmSysId, String variable, String fileName, String type, byte[] bytes) {
    return tickets.attachToVariable(ritmSysId, variable, fileName, type, bytes);
  }

  /** From now on an ACL hides this record from the integration user (404, absent from lists). */
  public void hide(String table, String sysId) {
    store.hide(table, sysId);
  }

  /** Invalidates every OAuth token issued so far, so the next Bearer call gets a 401. */
  public void revokeTokens() {
    auth.revokeTokens();
  }

  public int tokensIssued() {
    return auth.tokensIssued();
  }

  /** The exact event body the business rule would send for this record. */
  public byte[] webhookBody(String event, String table, String sysId) {
    return tickets.eventBody(event, table, sysId);
  }

  /**
   * POSTs the event for this record to {@code target}, authenticated by {@code signer} at the
   * fake's clock, the way the business rule does.
   *
   * @param event onboard, offboard, bulk_import or approval
   */
  public WebhookFirer.WebhookDelivery fireWebhook(
      URI target, String event, String table, String sysId, WebhookSigner signer)
      throws IOException, InterruptedException {
    return firer.fire(target, webhookBody(event, table, sysId), signer, options.clock().get());
  }

  // ---- Server plumbing ----

  /** {@code http://127.0.0.1:<port>}: the instance URL (no path) to configure a client with. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public Options options() {
    return options;
  }

  /**
   * How to start a {@link FakeServiceNow}. Defaults: ephemeral port, integration user {@code
   * roster.integration}, OAuth client {@code sandbox-servicenow-client}, tokens valid 1799 s (the
   * docs' sample), the system clock, and 10,000 API calls per hour.
   */
  public record Options(
      int port,
      String user,
      String password,
      String clientId,
      String clientSecret,
      Duration tokenTtl,
      Supplier<Instant> clock,
      int rateLimit,
      Duration rateWindow) {

    public Options {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(tokenTtl, "tokenTtl");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(rateWindow, "rateWindow");
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Fluent builder; every setter is optional. */
    public static final class Builder extends FakeOptionsBuilder<Builder> {
      private String user = "roster.integration";
      private String password = "sandbox-servicenow-password";
      private String clientId = "sandbox-servicenow-client";
      private String clientSecret = "sandbox-servicenow-secret";
      private Duration tokenTtl = Duration.ofSeconds(1799);
      private int rateLimit = 10_000;
      private Duration rateWindow = Duration.ofHours(1);

      public Builder basicAuth(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
      }

      public Builder oauthClient(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        return this;
      }

      public Builder tokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
        return this;
      }

      /** At most {@code limit} API calls per {@code window} (the instance's per-user rule). */
      public Builder rateLimit(int limit, Duration window) {
        this.rateLimit = limit;
        this.rateWindow = window;
        return this;
      }

      public Options build() {
        return new Options(
            port, user, password, clientId, clientSecret, tokenTtl, clock, rateLimit, rateWindow);
      }
    }
  }
}
