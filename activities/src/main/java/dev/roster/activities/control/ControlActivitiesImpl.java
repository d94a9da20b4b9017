package dev.roster.activities.control;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.board.RequestBoardWorkflow;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.ticket.TicketUpdatesState;
import dev.roster.workflows.ticket.TicketUpdatesWorkflow;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import dev.roster.workflows.watcher.WatcherState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Roster's own activities: configuration look-ups, subject hashes, notices, watcher hand-offs. */
public final class ControlActivitiesImpl implements ControlActivities {
  private static final Logger log = LoggerFactory.getLogger(ControlActivitiesImpl.class);

  private final Map<String, AccountInfo> accounts;
  private final ApprovalPolicy approvals;
  private final SubjectHasher subjects;
  private final WorkflowClient client;
  private final RunningOnboardings onboardings;
  private final TicketSettings tickets;

  public ControlActivitiesImpl(
      Map<String, AccountInfo> accounts,
      ApprovalPolicy approvals,
      SubjectHasher subjects,
      WorkflowClient client) {
    this(accounts, approvals, subjects, client, TicketSettings.DISABLED);
  }

  public ControlActivitiesImpl(
      Map<String, AccountInfo> accounts,
      ApprovalPolicy approvals,
      SubjectHasher subjects,
      WorkflowClient client,
      TicketSettings tickets) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    // Insertion order is configuration order: listAccounts() keeps it.
    this.accounts =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(requireNonNull(accounts, "accounts is null")));
    this.approvals = requireNonNull(approvals, "approvals is null");
    this.subjects = requireNonNull(subjects, "subjects is null");
    this.client = requireNonNull(client, "client is null");
    this.onboardings = new RunningOnboardings(client);
  }

  @Override
  public AccountInfo describeAccount(String account) {
    AccountInfo info = accounts.get(account);
    if (info == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "vendor account '"
              + account
              + "' is not configured (configured: "
              + String.join(", ", accounts.keySet().stream().sorted().toList())
              + ")",
          FailureTypes.UNKNOWN_ACCOUNT);
    }
    return info;
  }

  @Override
  public ApprovalPolicy approvalPolicy() {
    return approvals;
  }

  @Override
  public String subjectOf(String email) {
    return subjects.subjectOf(email);
  }

  @Override
  public void notify(Notice notice) {
    // Notice texts are written without emails; the ticket write-back arrives with ServiceNow.
    if (notice.kind().endsWith("timeout") || notice.kind().endsWith("expired")) {
      log.error(
          "notice kind={} workflowId={} ticket={} text={}",
          notice.kind(),
          notice.workflowId(),
          notice.ticket(),
          notice.text());
    } else {
      log.info(
          "notice kind={} workflowId={} ticket={} text={}",
          notice.kind(),
          notice.workflowId(),
          notice.ticket(),
          notice.text());
    }
    if (notice.ticket() != null && tickets.enabled()) {
      toTicket(notice);
    }
  }

  /** Hands the notice to the ticket's TicketUpdates workflow, starting it when needed. */
  private void toTicket(Notice notice) {
    TicketUpdatesWorkflow updates =
        client.newWorkflowStub(
            TicketUpdatesWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TicketUpdatesState.workflowId(notice.ticket()))
                .setTaskQueue(TaskQueues.ROSTER)
                .setStaticSummary("Updates of ticket " + notice.ticket())
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(
        updates::run,
        new TicketUpdatesState(
            notice.ticket(),
            tickets.tasksAsTickets(),
            tickets.taskPollInterval(),
            List.of(),
            List.of(),
            0));
    request.add(updates::post, notice);
    client.signalWithStart(request);
  }

  @Override
  public void watchInvitation(String account, String workflowId, String email) {
    AccountInfo info = describeAccount(account);
    InvitationWatcherWorkflow watcher =
        client.newWorkflowStub(
            InvitationWatcherWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WatcherState.workflowId(account))
                .setTaskQueue(TaskQueues.ROSTER)
                .setStaticSummary("Invitation watcher for " + account)
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(
        watcher::watch,
        WatcherState.first(account, info.teamTaskQueue(), info.invitations().pollInterval()));
    // By id only: the email stays out of the watcher's history and its continue-as-new input.
    request.add(watcher::registerWaiter, workflowId);
    client.signalWithStart(request);
  }

  @Override
  public void postToBoard(BoardItem item) {
    RequestBoardWorkflow board =
        client.newWorkflowStub(
            RequestBoardWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RequestBoardWorkflow.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.ROSTER)
                .setStaticSummary("Approvals and manual tasks waiting for a person")
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(board::run, List.<BoardItem>of());
    request.add(board::opened, item);
    client.signalWithStart(request);
    log.info(
        "waiting for a person kind={} workflowId={} item={} account={}",
        item.kind(),
        item.workflowId(),
        item.itemId(),
        item.account());
  }

  @Override
  public void removeFromBoard(BoardItem item) {
    signalIfRunning(RequestBoardWorkflow.WORKFLOW_ID, "closed", item);
  }

  @Override
  public List<String> listAccounts() {
    return List.copyOf(accounts.keySet());
  }

  @Override
  public List<String> cancelOnboarding(String subject) {
    return onboardings.cancelRunning(subject);
  }

  @Override
  public void unwatchInvitation(String account, String workflowId) {
    signalIfRunning(WatcherState.workflowId(account), "unregister", workflowId);
  }

  private void signalIfRunning(String targetId, String signal, Object argument) {
    WorkflowStub target = client.newUntypedWorkflowStub(targetId);
    try {
      target.signal(signal, argument);
    } catch (WorkflowNotFoundException e) {
      // Already finished: nobody left to tell.
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }
}
