package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** What {@link ListmonkClient} returns and takes: Roster-side views of listmonk objects. */
public final class ListmonkTypes {

  /**
   * A listmonk user (a person or an API user).
   *
   * @param type {@code user} or {@code api}
   * @param status {@code enabled} or {@code disabled}
   */
  public record User(
      long id,
      String username,
      String email,
      String name,
      String type,
      String status,
      boolean passwordLogin,
      long userRoleId,
      Long listRoleId) {

    public boolean enabled() {
      return "enabled".equals(status);
    }

    public boolean person() {
      return "user".equals(type);
    }
  }

  /** A user role, e.g. 1 "Super Admin". */
  public record Role(long id, String name) {}

  /**
   * A subscriber.
   *
   * @param status {@code enabled} or {@code blocklisted}
   * @param subscriptions list id to subscription status (unconfirmed, confirmed, unsubscribed)
   */
  public record Subscriber(
      long id,
      String email,
      String name,
      Map<String, Object> attribs,
      String status,
      Map<Long, String> subscriptions) {}

  /** A mailing list. */
  public record MailingList(long id, String name) {}

  /**
   * What an import does with its rows (cmd/import.go params).
   *
   * @param blocklist {@code mode: blocklist} instead of {@code subscribe}
   * @param lists list ids to subscribe the rows to
   * @param subscriptionStatus unconfirmed, confirmed or unsubscribed
   * @param overwriteUserinfo update the name and attributes of existing subscribers
   */
  public record ImportParams(
      boolean blocklist,
      List<Long> lists,
      String subscriptionStatus,
      boolean overwriteUserinfo,
      boolean overwriteSubscriptionStatus) {
    public ImportParams {
      lists = List.copyOf(requireNonNull(lists, "lists is null"));
      requireNonNull(subscriptionStatus, "subscriptionStatus is null");
    }

    /** Subscribe rows to lists as confirmed, updating names and attributes. */
    public static ImportParams subscribe(List<Long> lists) {
      return new ImportParams(false, lists, "confirmed", true, false);
    }
  }

  /**
   * The instance's one import session.
   *
   * @param status none, importing, stopping, finished or failed
   */
  public record ImportStatus(String name, int total, int imported, String status) {
    public boolean running() {
      return "importing".equals(status) || "stopping".equals(status);
    }
  }

  private ListmonkTypes() {}
}
