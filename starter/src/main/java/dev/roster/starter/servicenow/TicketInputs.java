package dev.roster.starter.servicenow;

import dev.roster.starter.ImportStarter;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.request.Person;
import java.util.List;
import java.util.Map;

/**
 * What a ticket's catalog variables ask Roster to do, after {@link VariableMapping}.
 *
 * @param email null for bulk imports
 * @param accounts vendor account ids, all configured; empty means "every account" (offboard only)
 * @param lists per account id, the list ids to subscribe to ({@code account:list} entries apply to
 *     that account, plain entries to every selected account)
 * @param removeLists per account id, the list ids to unsubscribe from (change tickets only)
 * @param role team role (viewer, editor, admin), or null for contacts only
 * @param importAttachment the sys_attachment sys_id holding the import file (required for bulk
 *     imports), or null
 */
public record TicketInputs(
    String email,
    String firstName,
    String lastName,
    List<String> accounts,
    Map<String, List<String>> lists,
    Map<String, List<String>> removeLists,
    String role,
    boolean erase,
    String importAttachment) {

  public TicketInputs {
    accounts = List.copyOf(accounts);
    lists = Map.copyOf(lists);
    removeLists = Map.copyOf(removeLists);
  }

  /** The OnboardUser input for this ticket. */
  public OnboardRequest onboardRequest(String ticketNumber, String requestedBy) {
    List<Assignment> assignments =
        accounts.stream()
            .map(a -> new Assignment(a, role, lists.getOrDefault(a, List.of()), Map.of()))
            .toList();
    return new OnboardRequest(
        new Person(email, firstName, lastName), assignments, ticketNumber, requestedBy);
  }

  /**
   * The BulkImport input for this ticket: the attachment on the ticket's record, into each account
   * with its lists, default settings (an approval above the default threshold).
   *
   * @param table the record's table, e.g. {@code sc_req_item}
   * @param sysId the record's sys_id
   */
  public BulkImportRequest bulkImportRequest(
      String table, String sysId, String ticketNumber, String requestedBy) {
    if (importAttachment == null) {
      throw new IllegalStateException("no import attachment was mapped");
    }
    List<ImportTarget> targets =
        accounts.stream().map(a -> new ImportTarget(a, lists.getOrDefault(a, List.of()))).toList();
    return new BulkImportRequest(
        ImportStarter.serviceNowSource(table, sysId, importAttachment),
        targets,
        null,
        requestedBy,
        ticketNumber,
        null);
  }

  /**
   * The ChangeAccess input for this ticket: on each selected account, the role (when the ticket
   * names one) and the lists to add and to remove.
   */
  public ChangeAccessRequest changeRequest(String ticketNumber, String requestedBy) {
    List<AccessChange> changes =
        accounts.stream()
            .map(
                a ->
                    new AccessChange(
                        a,
                        role,
                        lists.getOrDefault(a, List.of()),
                        removeLists.getOrDefault(a, List.of())))
            .toList();
    return new ChangeAccessRequest(
        new Person(email, firstName, lastName),
        changes,
        List.of(),
        List.of(),
        ticketNumber,
        requestedBy);
  }

  /** The OffboardUser input for this ticket; no accounts means every configured account. */
  public OffboardRequest offboardRequest(String ticketNumber, String requestedBy) {
    return new OffboardRequest(
        new Person(email, firstName, lastName), accounts, erase, ticketNumber, requestedBy, false);
  }
}
