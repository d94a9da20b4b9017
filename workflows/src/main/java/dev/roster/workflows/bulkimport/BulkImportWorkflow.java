package dev.roster.workflows.bulkimport;

import dev.roster.workflows.approval.DecisionUpdates;
import dev.roster.workflows.onboard.InvitesSent;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Imports contacts from a CSV source into vendor accounts (ARCHITECTURE.md §4): plan and validate,
 * a dry-run report, an approval above a threshold or for team access, then per account the vendor's
 * bulk endpoint in chunks, jobs polled on timers, continue-as-new before the history grows large.
 *
 * <p>The {@code withdraw} signal (and {@code cancel} Update) withdraws the import while it plans or
 * waits for its approval ({@code roster cancel}): nothing is sent and it ends CANCELLED. Anyone may
 * withdraw, the requester included; once the import is sending, a withdrawal is ignored (what was
 * sent stays).
 */
@WorkflowInterface
public interface BulkImportWorkflow extends DecisionUpdates {
  String TYPE = "BulkImport";

  @WorkflowMethod(name = TYPE)
  BulkImportResult importContacts(BulkImportRequest request);

  /** From a child OnboardUser of the invitation window: its invitations are out. */
  @SignalMethod(name = InvitesSent.SIGNAL)
  void invitesSent(InvitesSent report);

  /** Rows read, valid, sent, confirmed and failed, per account. */
  @QueryMethod
  ImportProgress progress();

  @QueryMethod
  BulkImportStatus status();
}
