package dev.roster.sandbox.mailjet;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.FakeOptionsBuilder;
import dev.roster.sandbox.Faults;
import dev.roster.sandbox.RateBudget;
import dev.roster.sandbox.SandboxFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stateful fake of Mailjet's contact API (v3 REST, the v4 erasure and the v3 DATA error file) on
 * 127.0.0.1, following vendors.md §1.
 *
 * <p>Requests pass, in order: injected {@link Faults}, routing (unknown path 404, wrong method
 * 405), HTTP Basic auth with key:secret (401 with Mailjet's error body), the one per-key rate
 * budget (429 with <em>no</em> rate-limit or Retry-After header: Mailjet documents none,
 * mailjet-apiv3-java#217), then the handler. Lists 10 "Newsletter" and 11 "Product updates" exist
 * from the start.
 */
public final class FakeMailjet extends SandboxFake {
  private static final String REST = "/v3/REST";

  private final Options options;
  private final MailjetStore store;
  private final MailjetContacts contacts;
  private final MailjetLists lists;
  private final MailjetJobs jobs;
  private final RateBudget budget;

  private FakeMailjet(Options options) {
    super("mailjet");
    this.options = options;
    server.clock(options.clock());
    this.store = new MailjetStore(options.clock());
    this.contacts = new MailjetContacts(store);
    this.lists = new MailjetLists(store);
    this.jobs = new MailjetJobs(store, options.jobPolls(), options.jobStatusVocabulary());
    this.budget = rateBudget(options.rateLimit(), options.rateWindow(), options.clock());
  }

  public static FakeMailjet start(Options options) {
    FakeMailjet mailjet = new FakeMailjet(options);
    mailjet.registerRoutes();
    mailjet.server.start(options.port());
    return mailjet;
  }

  /** Starts with {@link Options#defaults()}. */
  public static FakeMailjet start() {
    return start(Options.defaults());
  }

  private void registerRoutes() {
    api("POST", REST + "/contact", contacts::create);
    api("GET", REST + "/contact", contacts::list);
    api("GET", REST + "/contact/{id}", contacts::get);
    api("PUT", REST + "/contact/{id}", contacts::update);
    api("DELETE", REST + "/contact/{id}", contacts::deleteV3);
    api("DELETE", "/v4/contacts/{id}", contacts::eraseV4);
    api("POST", REST + "/contactmetadata", contacts::createProperty);
    api("GET", REST + "/contactmetadata", contacts::listProperties);
    api("GET", REST + "/contactmetadata/{id}", contacts::getProperty);
    api("GET", REST + "/contactdata/{id}", contacts::getData);
    api("PUT", REST + "/contactdata/{id}", contacts::putData);
    api("POST", REST + "/contactslist", lists::createList);
    api("GET", REST + "/contactslist", lists::listLists);
    api("GET", REST + "/contactslist/{id}", lists::getList);
    api("PUT", REST + "/contactslist/{id}", lists::updateList);
    api("DELETE", REST + "/contactslist/{id}", lists::deleteList);
    api("POST", REST + "/listrecipient", lists::subscribe);
    api("GET", REST + "/listrecipient", lists::listRecipients);
    api("DELETE", REST + "/listrecipient", lists::deleteRecipientCollection);
    api("GET", REST + "/listrecipient/{id}", lists::getRecipient);
    api("PUT", REST + "/listrecipient/{id}", lists::updateRecipient);
    api("DELETE", REST + "/listrecipient/{id}", lists::deleteRecipient);
    api("POST", REST + "/contact/managemanycontacts", jobs::start);
    api("GET", REST + "/contact/managemanycontacts/{jobId}", jobs::status);
    api("GET", "/v3/DATA/batchjob/{jobId}/JSONError/application:json/LAST", jobs::errors);
  }

  /** Wraps a handler with Basic auth, the rate budget and Mailjet's error body. */
  private void api(String method, String template, FakeHandler handler) {
    server.route(
        method,
        template,
        request -> {
          if (!MailjetHttp.authorized(request, options.apiKey(), options.secretKey())) {
            return MailjetHttp.error(401, MailjetHttp.AUTH_FAILURE);
          }
          if (!budget.tryAcquire(request.receivedAt()).allowed()) {
            // Unverified wording; the status is documented, the body text is not.
            return MailjetHttp.error(429, "Too many requests");
          }
          try {
            return handler.handle(request);
          } catch (MailjetError e) {
            return MailjetHttp.error(e.status, e.getMessage());
          }
        });
  }

  /** {@code http://127.0.0.1:<port>}; clients append {@code /v3/REST/...}, {@code /v4/...}. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public String apiKey() {
    return options.apiKey();
  }

  public String secretKey() {
    return options.secretKey();
  }

  /** The live contact with this address; empty once erased. */
  public Optional<Contact> contact(String email) {
    synchronized (store) {
      return store.byEmail(email).map(MailjetStore.ContactState::snapshot);
    }
  }

  /** Every contact, anonymised ones included. */
  public List<Contact> contacts() {
    synchronized (store) {
      return store.snapshots();
    }
  }

  /** Addresses subscribed (not unsubscribed) to the list. */
  public Set<String> listMemberEmails(long listId) {
    return lists.memberEmails(listId);
  }

  /** Whether the live contact with this address is excluded from campaigns. */
  public boolean isExcluded(String email) {
    return contact(email).map(Contact::excludedFromCampaigns).orElse(false);
  }

  /** The contactdata of the live contact with this address; empty when there is none. */
  public Map<String, Object> properties(String email) {
    return contact(email).map(Contact::properties).orElse(Map.of());
  }

  /**
   * How to start a {@link FakeMailjet}. Defaults: ephemeral port, key {@code sandbox-mj-key} and
   * secret {@code sandbox-mj-secret}, the system clock, 3 requests per second, bulk jobs that
   * complete on their 2nd status poll, and the guide's status vocabulary.
   *
   * <p>vendors.md §1 ⚠ on the rate unit: the rate-limits page says calls per API key per
   * <em>second</em>, the status-code page says per <em>minute</em>; the window is a parameter.
   *
   * @param jobPolls the poll that first reports a bulk job finished (1 = the first poll)
   */
  public record Options(
      int port,
      String apiKey,
      String secretKey,
      Supplier<Instant> clock,
      int rateLimit,
      Duration rateWindow,
      int jobPolls,
      JobStatusVocabulary jobStatusVocabulary) {

    public Options {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(rateWindow, "rateWindow");
      Objects.requireNonNull(jobStatusVocabulary, "jobStatusVocabulary");
      if (jobPolls < 1) {
        throw new IllegalArgumentException("jobPolls must be >= 1");
      }
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Fluent builder; every setter is optional. */
    public static final class Builder extends FakeOptionsBuilder<Builder> {
      private String apiKey = "sandbox-mj-key";
      private String secretKey = "sandbox-mj-secret";
      private int rateLimit = 3;
      private Duration rateWindow = Duration.ofSeconds(1);
      private int jobPolls = 2;
      private JobStatusVocabulary vocabulary = JobStatusVocabulary.GUIDE;

      public Builder credentials(String apiKey, String secretKey) {
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        return this;
      }

      public Builder rateLimit(int limit, Duration window) {
        this.rateLimit = limit;
        this.rateWindow = window;
        return this;
      }

      public Builder jobPolls(int jobPolls) {
        this.jobPolls = jobPolls;
        return this;
      }

      public Builder jobStatusVocabulary(JobStatusVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        return this;
      }

      public Options build() {
        return new Options(
            port, apiKey, secretKey, clock, rateLimit, rateWindow, jobPolls, vocabulary);
      }
    }
  }
}
