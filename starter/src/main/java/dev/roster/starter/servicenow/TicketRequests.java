package dev.roster.starter.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.ChangeStarter;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.ImportStarter;
import dev.roster.starter.OffboardStarter;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.Started;
import dev.roster.worker.config.RosterConfig;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.Set;

/**
 * Starts the request a ticket asks for, the one way the webhook and poll mode both do: its catalog
 * variables through the {@link VariableMapping}, then the starter of the operation, which gives the
 * workflow id {@code <operation>-<number>} and attaches a repeated ticket to the same execution.
 * Thread-safe.
 */
public final class TicketRequests {
  /** The table whose attachment variable a bulk import reads. */
  static final String REQUESTED_ITEM = "sc_req_item";

  private final VariableMapping mapping;
  private final Set<String> accounts;
  private final OnboardStarter onboard;
  private final OffboardStarter offboard;
  private final ImportStarter imports;
  private final ChangeStarter change;

  /**
   * @param accounts the configured vendor account ids
   */
  public TicketRequests(
      VariableMapping mapping,
      Set<String> accounts,
      OnboardStarter onboard,
      OffboardStarter offboard,
      ImportStarter imports,
      ChangeStarter change) {
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.accounts = Set.copyOf(accounts);
    this.onboard = requireNonNull(onboard, "onboard is null");
    this.offboard = requireNonNull(offboard, "offboard is null");
    this.imports = requireNonNull(imports, "imports is null");
    this.change = requireNonNull(change, "change is null");
  }

  /** The starters for the configured accounts, with the configured variable names. */
  public static TicketRequests fromConfig(
      RosterConfig config, WorkflowClient client, SubjectHasher subjects) {
    ConfiguredAccounts accounts = ConfiguredAccounts.of(config);
    return new TicketRequests(
        new VariableMapping(config.servicenow().variables()),
        config.accounts().keySet(),
        new OnboardStarter(client, subjects, accounts),
        new OffboardStarter(client, subjects, accounts),
        new ImportStarter(client, accounts),
        new ChangeStarter(client, subjects, accounts));
  }

  /**
   * Starts the ticket's request, or attaches to the one already running for it. A bulk import reads
   * the file of the requested item's Attachment variable ({@code
   * servicenow:sc_req_item/<sysId>/<attachment>}).
   *
   * @param type onboard, offboard, change or bulk_import
   * @param table the ticket's table; a bulk import needs {@value #REQUESTED_ITEM}
   * @param requestedBy the requester's user_name (never the approver of this request)
   * @return what the start did and the workflow id
   * @throws WebhookRejection INVALID naming every variable that does not map, or the table
   * @throws IllegalArgumentException when the request the variables make is invalid
   * @throws dev.roster.starter.RequestConflict when the ticket's request runs with other inputs
   */
  public Started start(
      WebhookEvent.Type type,
      String table,
      String sysId,
      String number,
      Map<String, String> variables,
      String requestedBy) {
    if (type == WebhookEvent.Type.BULK_IMPORT && !REQUESTED_ITEM.equals(table)) {
      throw new WebhookRejection(
          WebhookRejection.Kind.INVALID,
          "table: a bulk import reads the attachment of a requested item ("
              + REQUESTED_ITEM
              + "), not of "
              + table);
    }
    TicketInputs inputs = mapping.map(type, variables, accounts);
    return switch (type) {
      case ONBOARD -> onboard.start(inputs.onboardRequest(number, requestedBy));
      case OFFBOARD -> offboard.start(inputs.offboardRequest(number, requestedBy));
      case BULK_IMPORT ->
          new Started(
              imports.start(inputs.bulkImportRequest(table, sysId, number, requestedBy)),
              Started.How.SUBMITTED,
              null);
      case CHANGE -> change.start(inputs.changeRequest(number, requestedBy));
      case APPROVAL -> throw new IllegalArgumentException("an approval starts no request");
    };
  }
}
