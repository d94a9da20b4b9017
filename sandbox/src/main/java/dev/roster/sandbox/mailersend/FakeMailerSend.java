package dev.roster.sandbox.mailersend;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.FakeOptionsBuilder;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Faults;
import dev.roster.sandbox.RateBudget;
import dev.roster.sandbox.SandboxFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stateful fake of the MailerSend v1 API (users, invites, recipients, blocklist) on 127.0.0.1.
 *
 * <p>Requests pass, in order: injected {@link Faults}, routing (unknown path 404, wrong method
 * 405), the {@code Authorization: Bearer} check (401 {@code {"message":"Unauthenticated."}}), the
 * per-minute rate limit, the daily quota (both 429 with {@code retry-after} seconds), then the
 * handler. Every answer past routing carries {@code x-ratelimit-limit}, {@code
 * x-ratelimit-remaining}, {@code x-apiquota-remaining} and {@code x-apiquota-reset} (vendors.md
 * §2).
 *
 * <p>Control route for humans poking the fake in dev mode (no token, not rate limited): {@code POST
 * /_sandbox/invitations/{email}/accept} turns a pending invite into a user (204; 404 if none).
 */
public final class FakeMailerSend extends SandboxFake {
  /** The seeded account owner (role Admin); deleting it is refused with 403. */
  public static final String OWNER_EMAIL = MailerSendTeam.OWNER_EMAIL;

  private final Options options;
  private final MailerSendTeam team;
  private final MailerSendSuppressions suppressions;
  private final RateBudget rate;
  private final DailyQuota quota;

  private FakeMailerSend(Options options) {
    super("mailersend");
    this.options = options;
    server.clock(options.clock());
    this.team = new MailerSendTeam(options.clock(), options.acceptAfter());
    this.suppressions = new MailerSendSuppressions(options.clock());
    this.rate = rateBudget(options.rateLimit(), options.rateWindow(), options.clock());
    this.quota = new DailyQuota(options.dailyQuota(), options.clock());
  }

  public static FakeMailerSend start(Options options) {
    FakeMailerSend fake = new FakeMailerSend(options);
    fake.registerRoutes();
    fake.server.start(options.port());
    return fake;
  }

  /** Starts with {@link Options#defaults()}. */
  public static FakeMailerSend start() {
    return start(Options.defaults());
  }

  private void registerRoutes() {
    api("GET", "/v1/users", team::listUsers);
    api("POST", "/v1/users", team::invite);
    api("GET", "/v1/users/{id}", team::getUser);
    api("PUT", "/v1/users/{id}", team::updateUser);
    api("DELETE", "/v1/users/{id}", team::deleteUser);
    api("GET", "/v1/invites", team::listInvites);
    api("GET", "/v1/invites/{id}", team::getInvite);
    api("DELETE", "/v1/invites/{id}", team::cancelInvite);
    api("POST", "/v1/invites/{id}/resend", team::resendInvite);
    api("GET", "/v1/recipients", suppressions::listRecipients);
    api("GET", "/v1/recipients/{id}", suppressions::getRecipient);
    api("DELETE", "/v1/recipients/{id}", suppressions::deleteRecipient);
    api("GET", "/v1/suppressions/blocklist", suppressions::listBlocklist);
    api("POST", "/v1/suppressions/blocklist", suppressions::addToBlocklist);
    api("DELETE", "/v1/suppressions/blocklist", suppressions::deleteFromBlocklist);
    server.route("POST", "/_sandbox/invitations/{email}/accept", this::controlAccept);
  }

  /** Wraps a handler with Bearer auth, the rate limit, the daily quota and the error envelope. */
  private void api(String method, String template, FakeHandler handler) {
    server.route(
        method,
        template,
        request -> {
          String auth = request.header("Authorization");
          if (auth == null || !auth.equals("Bearer " + options.token())) {
            return MailerSendHttp.error(new MailerSendError(401, "Unauthenticated.", null))
                .withHeaders(headers(rate.remaining(), quota.peek()));
          }
          RateBudget.Decision minute = rate.tryAcquire(request.receivedAt());
          if (!minute.allowed()) {
            return tooMany(minute.resetSeconds(), minute.remaining(), quota.peek());
          }
          DailyQuota.Decision day = quota.tryAcquire();
          if (!day.allowed()) {
            return tooMany(day.secondsUntilReset(), minute.remaining(), day);
          }
          Map<String, String> headers = headers(minute.remaining(), day);
          try {
            return handler.handle(request).withHeaders(headers);
          } catch (MailerSendError e) {
            return MailerSendHttp.error(e).withHeaders(headers);
          }
        });
  }

  private FakeResponse tooMany(long retryAfter, int rateRemaining, DailyQuota.Decision day) {
    // The 429 body text is unverified (vendors.md §2); its shape is {"message"}.
    return MailerSendHttp.error(new MailerSendError(429, "Too Many Attempts.", null))
        .withHeaders(headers(rateRemaining, day))
        .withHeaders(Map.of("retry-after", Long.toString(retryAfter)));
  }

  private Map<String, String> headers(int rateRemaining, DailyQuota.Decision day) {
    return Map.of(
        "x-ratelimit-limit", Integer.toString(rate.limit()),
        "x-ratelimit-remaining", Integer.toString(Math.max(0, rateRemaining)),
        "x-apiquota-remaining", Integer.toString(day.remaining()),
        "x-apiquota-reset", day.reset().toString());
  }

  private FakeResponse controlAccept(FakeRequest request) {
    try {
      team.accept(request.param("email"));
      return FakeResponse.empty(204);
    } catch (IllegalStateException e) {
      return MailerSendHttp.error(MailerSendError.notFound());
    }
  }

  /** {@code http://127.0.0.1:<port>/v1}, the value to configure a MailerSend client with. */
  @Override
  public String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  public String token() {
    return options.token();
  }

  /** The id of the account's one sending domain, for domain-scoped suppressions. */
  public String domainId() {
    return MailerSendSuppressions.DOMAIN_ID;
  }

  public Optional<User> user(String email) {
    return team.user(email);
  }

  public Optional<Invite> invite(String email) {
    return team.invite(email);
  }

  public List<User> users() {
    return team.users();
  }

  public List<Invite> invites() {
    return team.invites();
  }

  /** Accepts a pending invite as the invitee would; throws if none is pending. */
  public void acceptInvite(String email) {
    team.accept(email);
  }

  /** Records that MailerSend sent mail to this address (recipients exist only that way). */
  public String addRecipient(String email) {
    return suppressions.addRecipient(email);
  }

  public Optional<Recipient> recipient(String email) {
    return suppressions.recipient(email);
  }

  public List<BlocklistEntry> blocklist() {
    return suppressions.blocklist();
  }

  /** Whether any blocklist entry (exact address or pattern) stops mail to this address. */
  public boolean isSuppressed(String email) {
    return suppressions.isSuppressed(email);
  }

  /** Clears call counts and the request journal, and restores the rate limit and daily quota. */
  @Override
  public void resetCounters() {
    server.resetCounters();
    rate.reset();
    quota.reset();
  }

  /**
   * How to start a {@link FakeMailerSend}. Defaults: ephemeral port, token {@code
   * sandbox-mlsn-token}, the system clock, invites pending until accepted, 60 requests per minute
   * and 100,000 per day.
   *
   * @param acceptAfter null keeps invites pending until {@link #acceptInvite(String)}
   */
  public record Options(
      int port,
      String token,
      Supplier<Instant> clock,
      Duration acceptAfter,
      int rateLimit,
      Duration rateWindow,
      int dailyQuota) {

    public Options {
      Objects.requireNonNull(token, "token");
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
      private String token = "sandbox-mlsn-token";
      private Duration acceptAfter;
      private int rateLimit = 60;
      private Duration rateWindow = Duration.ofMinutes(1);
      private int dailyQuota = 100_000;

      public Builder token(String token) {
        this.token = token;
        return this;
      }

      public Builder acceptAfter(Duration acceptAfter) {
        this.acceptAfter = acceptAfter;
        return this;
      }

      public Builder rateLimit(int limit, Duration window) {
        this.rateLimit = limit;
        this.rateWindow = window;
        return this;
      }

      public Builder dailyQuota(int quota) {
        this.dailyQuota = quota;
        return this;
      }

      public Options build() {
        return new Options(port, token, clock, acceptAfter, rateLimit, rateWindow, dailyQuota);
      }
    }
  }
}
