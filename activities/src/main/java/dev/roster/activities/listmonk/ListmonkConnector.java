package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;

/**
 * One listmonk instance as Roster sees it: users that are active as soon as they are created
 * ({@link #team()}), subscribers, lists and blocklist ({@link #contacts()}) and the one-at-a-time
 * import ({@link #bulkImports()}), all over one {@link ListmonkClient}.
 */
public final class ListmonkConnector {

  /** Users are active at once; subscribers, lists, blocklist and deletion by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.IMMEDIATE, true, true, true, true);

  /** listmonk has no endpoint families: one budget protects the whole instance. */
  public static final String FAMILY = "api";

  /** One import at a time per instance, so few and large ones. */
  static final int ROWS_PER_IMPORT = 20_000;

  private final ListmonkTeam team;
  private final ListmonkSubscribers subscribers;
  private final ListmonkBulkImport bulk;

  public ListmonkConnector(ListmonkClient client) {
    requireNonNull(client, "client is null");
    this.team = new ListmonkTeam(client.users());
    this.subscribers = new ListmonkSubscribers(client);
    this.bulk = new ListmonkBulkImport(new ListmonkImports(client), client.imports());
  }

  /** Users, active at once. */
  public TeamConnector team() {
    return team;
  }

  /** Subscribers, lists, blocklist and erasure. */
  public ContactConnector contacts() {
    return subscribers;
  }

  /** This account's bulk-import side (BulkImport's chunks and jobs). */
  public BulkImportConnector bulkImports() {
    return bulk;
  }
}
