package dev.roster.activities.listmonk;

import static dev.roster.activities.listmonk.ListmonkClient.VENDOR;
import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.listmonk.ListmonkTypes.MailingList;
import dev.roster.activities.listmonk.ListmonkTypes.Subscriber;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact side of a listmonk instance: subscribers, lists, blocklist and erasure (vendors.md
 * §3).
 */
public final class ListmonkSubscribers implements ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(ListmonkSubscribers.class);
  private static final String BLOCKLISTED = "blocklisted";
  private static final String UNSUBSCRIBED = "unsubscribed";

  private final ListmonkClient client;

  public ListmonkSubscribers(ListmonkClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  @Override
  public Capabilities capabilities() {
    return ListmonkConnector.CAPABILITIES;
  }

  @Override
  public String contactsFamily() {
    return ListmonkConnector.FAMILY;
  }

  /**
   * Creates the subscriber, or on 409 replaces the existing one keeping its lists, status and other
   * attributes: PUT is a full replace that drops omitted lists (vendors.md §3).
   */
  @Override
  public ContactOutcome upsert(ContactData contact) {
    String email = address(contact == null ? null : contact.email(), "upsertContact");
    String name = ConnectorInput.fullName(contact.firstName(), contact.lastName());
    Map<String, Object> attribs = new LinkedHashMap<>();
    if (contact.attributes() != null) {
      attribs.putAll(contact.attributes());
    }
    try {
      client.createSubscriber(email, name == null ? localPart(email) : name, attribs, List.of());
      log.info("listmonk subscriber created email={}", EmailMask.mask(email));
      return ContactOutcome.CREATED;
    } catch (Conflict exists) {
      Subscriber s = client.findByEmail(email).orElseThrow(() -> exists);
      Map<String, Object> merged = new LinkedHashMap<>(s.attribs());
      merged.putAll(attribs);
      client.replaceSubscriber(
          s.id(),
          s.email(),
          name == null ? s.name() : name,
          s.status(),
          merged,
          new ArrayList<>(s.subscriptions().keySet()));
      log.info("listmonk subscriber updated email={}", EmailMask.mask(email));
      return ContactOutcome.UPDATED;
    }
  }

  /** Adds the subscriber to the lists as confirmed. Idempotent. */
  @Override
  public void subscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "subscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "subscribe", listIds);
    Set<Long> known = client.listLists().stream().map(MailingList::id).collect(Collectors.toSet());
    for (long id : ids) {
      if (!known.contains(id)) {
        throw new Rejected(VENDOR, "subscribe", 0, null, "list " + id + " does not exist");
      }
    }
    Subscriber s =
        client.findByEmail(email).orElseThrow(() -> new ContactMissing(VENDOR, "subscribe", null));
    client.changeLists(List.of(s.id()), "add", ids, "confirmed");
    log.info("listmonk subscriber subscribed email={} lists={}", EmailMask.mask(email), ids);
  }

  @Override
  public ContactFootprint findContact(String rawEmail) {
    return client
        .findByEmail(address(rawEmail, "findContact"))
        .map(
            s ->
                new ContactFootprint(
                    true,
                    subscribed(s).stream().map(String::valueOf).toList(),
                    BLOCKLISTED.equals(s.status())))
        .orElse(ContactFootprint.absent());
  }

  /** Marks every live subscription unsubscribed (keeping the opt-out on record). Idempotent. */
  @Override
  public int unsubscribeAll(String rawEmail) {
    return unsubscribeFrom(address(rawEmail, "unsubscribeAll"), id -> true);
  }

  @Override
  public int unsubscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "unsubscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "unsubscribe", listIds);
    return unsubscribeFrom(email, ids::contains);
  }

  /** Unsubscribes from the lists the subscriber is on that {@code which} picks. */
  private int unsubscribeFrom(String email, Predicate<Long> which) {
    Optional<Subscriber> s = client.findByEmail(email);
    List<Long> active =
        s.map(ListmonkSubscribers::subscribed).orElse(List.of()).stream().filter(which).toList();
    if (active.isEmpty()) {
      return 0;
    }
    client.changeLists(List.of(s.get().id()), "unsubscribe", active, null);
    log.info("listmonk subscriber unsubscribed email={} lists={}", EmailMask.mask(email), active);
    return active.size();
  }

  /**
   * Blocklists an existing subscriber (which also unsubscribes it everywhere). An unknown address
   * is left alone (false): blocklisting it would mean creating a subscriber, a new record of
   * someone listmonk never held, which GDPR-minded offboarding avoids.
   */
  @Override
  public boolean suppress(String rawEmail) {
    String email = address(rawEmail, "suppress");
    Optional<Subscriber> s = client.findByEmail(email);
    if (s.isEmpty() || BLOCKLISTED.equals(s.get().status())) {
      return false;
    }
    client.blocklistSubscriber(s.get().id());
    log.info("listmonk subscriber blocklisted email={}", EmailMask.mask(email));
    return true;
  }

  /**
   * Deletes the subscriber and its history, then reads it back by id. listmonk deletes any
   * subscriber, so never UNDELETABLE; a delete of an absent id succeeds, so retries are safe.
   */
  @Override
  public EraseOutcome erase(String rawEmail) {
    String email = address(rawEmail, "erase");
    Optional<Subscriber> s = client.findByEmail(email);
    if (s.isEmpty()) {
      return new EraseOutcome(EraseOutcome.Result.ABSENT, "no subscriber");
    }
    client.deleteSubscriber(s.get().id());
    if (client.getSubscriber(s.get().id()).isPresent()) {
      throw new VendorUnavailable(
          VENDOR, "erase", 200, null, "subscriber still readable after deletion");
    }
    log.info("listmonk subscriber erased email={}", EmailMask.mask(email));
    return new EraseOutcome(EraseOutcome.Result.ERASED, "deleted");
  }

  /** List ids whose subscription is live (unconfirmed or confirmed). */
  private static List<Long> subscribed(Subscriber s) {
    return s.subscriptions().entrySet().stream()
        .filter(e -> !UNSUBSCRIBED.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  static String localPart(String email) {
    int at = email.indexOf('@');
    return at > 0 ? email.substring(0, at) : email;
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(VENDOR, email, operation);
  }
}
