package dev.roster.sandbox.brevo;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.FakeHttpServer;
import dev.roster.sandbox.FakeOptionsBuilder;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Faults;
import dev.roster.sandbox.RateBudget;
import dev.roster.sandbox.SandboxFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stateful fake of the Brevo v3 API (organization users, contacts, lists) on 127.0.0.1.
 *
 * <p>Requests pass, in order: injected {@link Faults}, routing (unknown path 404, wrong method
 * 405), the {@code api-key} header check (401), the family's rate budget (429 with {@code
 * x-sib-ratelimit-*} headers on every response of the family), then the handler.
 *
 * <p>Import reports ({@code export_url} of a finished process) are served by a second server on a
 * port of its own, without an API key, as Brevo serves its files from another host than the API.
 *
 * <p>Control routes for humans poking the fake in dev mode (no api key, not rate limited):
 *
 * <ul>
 *   <li>{@code POST /_sandbox/invitations/{email}/accept} turns a pending invitation active (204;
 *       404 if there is no pending invitation).
 *   <li>{@code GET /_sandbox/state} dumps members, contacts and lists as JSON.
 * </ul>
 */
public final class FakeBrevo extends SandboxFake {
  private final Options options;
  private final BrevoOrganization organization;
  private final BrevoContacts contacts;
  private final BrevoLists lists;
  private BrevoProcesses processes;
  private final FakeHttpServer exports = new FakeHttpServer("brevo-exports");
  private final RateBudget organizationBudget;
  private final RateBudget contactsBudget;
  private final BrevoGate gate;

  private FakeBrevo(Options options) {
    super("brevo");
    this.options = options;
    server.clock(options.clock());
    this.organization = new BrevoOrganization(options.clock(), options.acceptAfter());
    this.contacts = new BrevoContacts(options.clock(), options.registeredEmail());
    this.lists = new BrevoLists(contacts);
    this.organizationBudget =
        rateBudget(options.organizationLimit(), options.organizationWindow(), options.clock());
    this.contactsBudget =
        rateBudget(options.contactsLimit(), options.contactsWindow(), options.clock());
    this.gate = new BrevoGate(options.apiKey());
  }

  public static FakeBrevo start(Options options) {
    FakeBrevo brevo = new FakeBrevo(options);
    brevo.server.start(options.port());
    brevo.exports.start(0);
    brevo.processes = new BrevoProcesses(brevo.contacts, brevo.lists, brevo.exports.baseUrl());
    brevo.registerRoutes();
    return brevo;
  }

  /** Starts with {@link Options#defaults()}. */
  public static FakeBrevo start() {
    return start(Options.defaults());
  }

  private void registerRoutes() {
    String org = "/v3/organization";
    api("GET", org + "/invited/users", organizationBudget, organization::listUsers);
    api("POST", org + "/user/invitation/send", organizationBudget, organization::invite);
    api("PUT", org + "/user/invitation/resend/{email}", organizationBudget, organization::resend);
    api("PUT", org + "/user/invitation/cancel/{email}", organizationBudget, organization::cancel);
    api("PUT", org + "/user/invitation/revoke/{email}", organizationBudget, organization::revoke);
    api("GET", org + "/user/{email}/permissions", organizationBudget, organization::permissions);
    api(
        "POST",
        org + "/user/update/permissions",
        organizationBudget,
        organization::updatePermissions);
    api("POST", "/v3/contacts", contactsBudget, contacts::create);
    api("GET", "/v3/contacts/{identifier}", contactsBudget, contacts::get);
    api("PUT", "/v3/contacts/{identifier}", contactsBudget, contacts::update);
    api("DELETE", "/v3/contacts/{identifier}", contactsBudget, contacts::delete);
    String list = "/v3/contacts/lists/{listId}/contacts";
    api("POST", list + "/add", contactsBudget, lists::addToList);
    api("POST", list + "/remove", contactsBudget, lists::removeFromList);
    api("POST", "/v3/contacts/import", contactsBudget, processes::start);
    api("GET", "/v3/processes/{processId}", organizationBudget, processes::status);
    exports.route("GET", BrevoProcesses.EXPORT_PATH + "{file}", processes::export);
    server.route("POST", "/_sandbox/invitations/{email}/accept", this::controlAccept);
    server.route(
        "GET",
        "/_sandbox/state",
        r ->
            FakeResponse.json(
                200, BrevoHttp.state(organization.members(), contacts.contacts(), lists.lists())));
  }

  private void api(String method, String template, RateBudget budget, FakeHandler handler) {
    server.route(method, template, gate.wrap(budget, handler));
  }

  private FakeResponse controlAccept(FakeRequest request) {
    try {
      organization.accept(request.param("email"));
      return FakeResponse.empty(204);
    } catch (IllegalStateException e) {
      return BrevoHttp.error(404, "document_not_found", e.getMessage(), null);
    }
  }

  /** {@code http://127.0.0.1:<port>/v3}, the value to configure a Brevo client with. */
  @Override
  public String baseUrl() {
    return server.baseUrl() + "/v3";
  }

  public String apiKey() {
    return options.apiKey();
  }

  public Optional<Member> member(String email) {
    return organization.member(email);
  }

  public List<Member> members() {
    return organization.members();
  }

  /** Accepts a pending invitation as the invitee would; throws if none is pending. */
  public void acceptInvitation(String email) {
    organization.accept(email);
  }

  /**
   * Cancels a pending invitation outside the API, as an admin in Brevo's UI would (or as a vendor
   * that lost the write would look); throws if none is pending.
   */
  public void cancelInvitationByHand(String email) {
    organization.cancelByHand(email);
  }

  public Optional<Contact> contact(String email) {
    return contacts.contact(email);
  }

  public List<Contact> contacts() {
    return contacts.contacts();
  }

  public Set<String> listMemberEmails(long listId) {
    return lists.listMemberEmails(listId);
  }

  /** The person unsubscribes from a list themselves; throws unless the contact is on it. */
  public void unsubscribeFromList(String email, long listId) {
    lists.unsubscribeFromList(email, listId);
  }

  /** Creates a contact list and returns its id. */
  public long createList(String name) {
    return lists.createList(name);
  }

  /**
   * The requests the export server received (import reports are downloaded from it, on a host:port
   * of its own, as Brevo serves files from another host than its API).
   */
  public List<FakeRequest> exportRequests() {
    return exports.requests();
  }

  @Override
  public void close() {
    super.close();
    exports.close();
  }

  /** Contact imports: their pacing, status words and refused addresses. */
  public BrevoProcesses processes() {
    return processes;
  }

  /**
   * How to start a {@link FakeBrevo}. Defaults: ephemeral port, key {@code sandbox-brevo-key}, the
   * system clock, invitations pending until accepted, and Brevo's documented limits (100 per hour
   * for the organization family, 10 per second for contacts), registered address {@code
   * owner@sandbox.example} (the owner's).
   *
   * @param acceptAfter null keeps invitations pending until {@link #acceptInvitation(String)}
   * @param registeredEmail the account's registered address: its contact answers DELETE with 405
   */
  public record Options(
      int port,
      String apiKey,
      Supplier<Instant> clock,
      Duration acceptAfter,
      int organizationLimit,
      Duration organizationWindow,
      int contactsLimit,
      Duration contactsWindow,
      String registeredEmail) {

    public Options {
      Objects.requireNonNull(registeredEmail, "registeredEmail");
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(organizationWindow, "organizationWindow");
      Objects.requireNonNull(contactsWindow, "contactsWindow");
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Fluent builder; every setter is optional. */
    public static final class Builder extends FakeOptionsBuilder<Builder> {
      private String apiKey = "sandbox-brevo-key";
      private Duration acceptAfter;
      private int organizationLimit = 100;
      private Duration organizationWindow = Duration.ofHours(1);
      private int contactsLimit = 10;
      private Duration contactsWindow = Duration.ofSeconds(1);
      private String registeredEmail = BrevoOrganization.OWNER_EMAIL;

      public Builder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
      }

      public Builder acceptAfter(Duration acceptAfter) {
        this.acceptAfter = acceptAfter;
        return this;
      }

      public Builder organizationLimit(int limit, Duration window) {
        this.organizationLimit = limit;
        this.organizationWindow = window;
        return this;
      }

      public Builder contactsLimit(int limit, Duration window) {
        this.contactsLimit = limit;
        this.contactsWindow = window;
        return this;
      }

      public Builder registeredEmail(String registeredEmail) {
        this.registeredEmail = registeredEmail;
        return this;
      }

      public Options build() {
        return new Options(
            port,
            apiKey,
            clock,
            acceptAfter,
            organizationLimit,
            organizationWindow,
            contactsLimit,
            contactsWindow,
            registeredEmail);
      }
    }
  }
}
