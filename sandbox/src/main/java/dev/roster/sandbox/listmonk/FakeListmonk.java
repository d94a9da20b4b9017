package dev.roster.sandbox.listmonk;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.FakeOptionsBuilder;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Faults;
import dev.roster.sandbox.SandboxFake;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stateful fake of a self-hosted listmonk (users and roles, subscribers, lists, import) on
 * 127.0.0.1, following vendors.md §3 (knadh/listmonk@911e0b7).
 *
 * <p>Requests pass, in order: injected {@link Faults}, routing (unknown path 404, wrong method
 * 405), authentication ({@code Authorization: token user:token} or Basic; failures are 403, not
 * 401), the route's permission (403 {@code permission denied: <perm>}), then the handler. listmonk
 * has no rate limiting, so neither does the fake. Success bodies are {@code {"data": …}}, errors
 * {@code {"message": …}}.
 */
public final class FakeListmonk extends SandboxFake {
  /** A handler that also sees the caller's permissions. */
  @FunctionalInterface
  private interface Authed {
    FakeResponse handle(FakeRequest request, Set<String> permissions) throws Exception;
  }

  private final Options options;
  private final ListmonkRoles roles;
  private final ListmonkUsers users;
  private final ListmonkLists lists;
  private final ListmonkSubscribers subscribers;
  private final ListmonkImport imports;

  private FakeListmonk(Options options) {
    super("listmonk");
    this.options = options;
    server.clock(options.clock());
    this.roles = new ListmonkRoles(options.apiPermissions());
    this.users = new ListmonkUsers(options.clock(), options.apiUser(), options.token(), roles);
    this.lists = new ListmonkLists(options.clock());
    this.subscribers = new ListmonkSubscribers(lists, options.clock());
    this.imports = new ListmonkImport(subscribers, options.importPolls());
  }

  public static FakeListmonk start(Options options) {
    FakeListmonk listmonk = new FakeListmonk(options);
    listmonk.registerRoutes();
    listmonk.server.start(options.port());
    return listmonk;
  }

  /** Starts with {@link Options#defaults()}. */
  public static FakeListmonk start() {
    return start(Options.defaults());
  }

  private void registerRoutes() {
    api("GET", "/api/users", "users:get", users::list);
    api("POST", "/api/users", "users:manage", users::create);
    api("GET", "/api/users/{id}", "users:get", users::get);
    api("PUT", "/api/users/{id}", "users:manage", users::update);
    api("DELETE", "/api/users/{id}", "users:manage", users::delete);
    api("GET", "/api/roles/users", "roles:get", roles::userRoles);
    api("GET", "/api/roles/lists", "roles:get", roles::listRoles);
    api("GET", "/api/subscribers", "subscribers:get", new SubscriberQuery(subscribers)::query);
    api("POST", "/api/subscribers", "subscribers:manage", subscribers::create);
    api("GET", "/api/subscribers/{id}", "subscribers:get", subscribers::get);
    api("PUT", "/api/subscribers/{id}", "subscribers:manage", subscribers::update);
    api("DELETE", "/api/subscribers/{id}", "subscribers:manage", subscribers::delete);
    api("PUT", "/api/subscribers/{id}/blocklist", "subscribers:manage", subscribers::blocklist);
    api("PUT", "/api/subscribers/lists", "subscribers:manage", subscribers::manageLists);
    api("GET", "/api/lists", "lists:get_all", lists::list);
    api("POST", "/api/lists", "lists:manage_all", lists::create);
    String imp = "/api/import/subscribers";
    api("POST", imp, "subscribers:import", imports::start);
    api("GET", imp, "subscribers:import", imports::status);
    api("GET", imp + "/logs", "subscribers:import", imports::logs);
    api("DELETE", imp, "subscribers:import", imports::clear);
  }

  private void api(String method, String template, String permission, FakeHandler handler) {
    api(method, template, permission, (request, permissions) -> handler.handle(request));
  }

  /** Wraps a handler with auth, the permission check and listmonk's error body. */
  private void api(String method, String template, String permission, Authed handler) {
    server.route(
        method,
        template,
        request -> {
          Optional<Set<String>> permissions = authenticate(request);
          if (permissions == null) {
            return ListmonkWire.error(403, "invalid session");
          }
          if (permissions.isEmpty()) {
            return ListmonkWire.error(403, "invalid API credentials");
          }
          try {
            if (!permissions.get().contains(permission)) {
              throw ListmonkError.forbidden(permission);
            }
            return handler.handle(request, permissions.get());
          } catch (ListmonkError e) {
            return ListmonkWire.error(e.status, e.getMessage());
          }
        });
  }

  /**
   * The caller's permissions; empty when the credentials are refused, null when there are none
   * (internal/auth/auth.go: a session cookie wins over the header, and the fake has no sessions).
   */
  private Optional<Set<String>> authenticate(FakeRequest request) {
    String cookie = request.header("Cookie");
    String header = request.header("Authorization");
    if ((cookie != null && cookie.contains("session=")) || header == null || header.isBlank()) {
      return null;
    }
    String pair;
    if (header.regionMatches(true, 0, "token ", 0, 6)) {
      pair = header.substring(6).trim();
    } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        pair =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    return users.authenticate(pair.substring(0, colon), pair.substring(colon + 1));
  }

  /** {@code http://127.0.0.1:<port>}; API paths are under {@code /api}. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public String apiUser() {
    return options.apiUser();
  }

  public String token() {
    return options.token();
  }

  /** A user by username or email, case-insensitive. */
  public Optional<User> user(String usernameOrEmail) {
    return users.user(usernameOrEmail);
  }

  public List<User> users() {
    return users.users();
  }

  public Optional<Subscriber> subscriber(String email) {
    return subscribers.subscriber(email);
  }

  /** Emails subscribed to the list with any status but {@code unsubscribed}. */
  public Set<String> listMemberEmails(long listId) {
    return subscribers.listMemberEmails(listId);
  }

  public boolean isBlocklisted(String email) {
    return subscriber(email).map(Subscriber::isBlocklisted).orElse(false);
  }

  /** Creates a list ({@code public}, single opt-in) and returns its id. */
  public long createList(String name) {
    return lists.create(name, "public", "single", List.of(), "");
  }

  /** none, importing, finished or failed. */
  public String importStatus() {
    return imports.currentStatus();
  }

  /**
   * How to start a {@link FakeListmonk}. Defaults: ephemeral port, API user {@code roster} with
   * token {@code sandbox-listmonk-token} as a Super Admin, the system clock, imports that finish on
   * the second status poll.
   *
   * @param apiPermissions null makes the API user a Super Admin; a set gives it a role with exactly
   *     those permissions (see {@code ListmonkRoles.PERMISSIONS})
   */
  public record Options(
      int port,
      String apiUser,
      String token,
      Supplier<Instant> clock,
      int importPolls,
      Set<String> apiPermissions) {

    public Options {
      Objects.requireNonNull(apiUser, "apiUser");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(clock, "clock");
      apiPermissions = apiPermissions == null ? null : Set.copyOf(apiPermissions);
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Every permission the fake checks, for building a reduced set. */
    public static Set<String> allPermissions() {
      return Set.copyOf(ListmonkRoles.PERMISSIONS);
    }

    /** Fluent builder; every setter is optional. */
    public static final class Builder extends FakeOptionsBuilder<Builder> {
      private String apiUser = "roster";
      private String token = "sandbox-listmonk-token";
      private int importPolls = 2;
      private Set<String> apiPermissions;

      public Builder apiUser(String apiUser, String token) {
        this.apiUser = apiUser;
        this.token = token;
        return this;
      }

      public Builder importPolls(int importPolls) {
        this.importPolls = importPolls;
        return this;
      }

      public Builder apiPermissions(Set<String> apiPermissions) {
        this.apiPermissions = apiPermissions;
        return this;
      }

      public Options build() {
        return new Options(port, apiUser, token, clock, importPolls, apiPermissions);
      }
    }
  }
}
