package dev.roster.workflows.ticket;

import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.ticket.TicketUpdatesState.MirroredTask;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

public class TicketUpdatesWorkflowImpl implements TicketUpdatesWorkflow {
  private static final Logger log = Workflow.getLogger(TicketUpdatesWorkflowImpl.class);

  /** With nothing to write and no task open, end after this long. */
  static final Duration IDLE = Duration.ofMinutes(10);

  static final int MAX_WRITES_PER_RUN = 300;

  /**
   * ServiceNow may be slow, throttled (429 with Retry-After) or down: keep trying for days. The
   * requests never wait for these writes.
   */
  private final TicketActivities tickets =
      Workflow.newActivityStub(
          TicketActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.SERVICENOW)
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setScheduleToCloseTimeout(Duration.ofDays(3))
              .setSummary("ticket write-back")
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .setDoNotRetry(FailureTypes.NON_RETRYABLE)
                      .build())
              .build());

  private final Deque<Notice> pending = new ArrayDeque<>();
  private final List<MirroredTask> openTasks = new ArrayList<>();
  private int written;
  private boolean closedTicket;

  @Override
  public void run(TicketUpdatesState state) {
    pending.addAll(state.pending());
    openTasks.addAll(state.openTasks());
    written = state.written();
    int writesThisRun = 0;
    long lastTaskCheck = Workflow.currentTimeMillis();
    while (true) {
      Duration wait = openTasks.isEmpty() ? IDLE : state.taskPollInterval();
      boolean signalled = Workflow.await(wait, () -> !pending.isEmpty());
      while (!pending.isEmpty()) {
        write(state, pending.poll());
        writesThisRun++;
      }
      long now = Workflow.currentTimeMillis();
      if (!openTasks.isEmpty() && now - lastTaskCheck >= state.taskPollInterval().toMillis()) {
        checkTasks();
        lastTaskCheck = now;
      }
      // Done once the request closed its ticket, or when nothing happened for a while.
      if (pending.isEmpty() && openTasks.isEmpty() && (!signalled || closedTicket)) {
        break;
      }
      if (writesThisRun >= MAX_WRITES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            new TicketUpdatesState(
                state.ticket(),
                state.tasksAsTickets(),
                state.taskPollInterval(),
                new ArrayList<>(pending),
                new ArrayList<>(openTasks),
                written));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private void write(TicketUpdatesState state, Notice notice) {
    String ticket = state.ticket();
    String milestone = notice.kind() + "-" + (++written);
    try {
      tickets.addWorkNote(ticket, notice.workflowId(), milestone, "Roster: " + notice.text());
      switch (notice.kind()) {
        case Notice.STARTED -> tickets.setState(ticket, "work_in_progress", null);
        case Notice.DONE_COMPLETE -> {
          tickets.setState(ticket, "closed_complete", notice.text());
          closedTicket = true;
        }
        case Notice.DONE_INCOMPLETE -> {
          tickets.setState(ticket, "closed_incomplete", notice.text());
          closedTicket = true;
        }
        case Notice.MANUAL_TASK -> mirror(state, notice);
        default -> {
          // A note is all other notices need.
        }
      }
    } catch (ActivityFailure e) {
      // Out of retries, or refused for good (credentials, a missing ticket): the vendor work is
      // done regardless; say so where a person will look.
      log.error(
          "ticket update dropped ticket={} kind={} reason={}",
          ticket,
          notice.kind(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
  }

  private void mirror(TicketUpdatesState state, Notice notice) {
    if (!state.tasksAsTickets() || notice.ref() == null) {
      return;
    }
    String sysId =
        tickets.openTask(
            state.ticket(),
            notice.workflowId() + ":" + notice.ref(),
            "Roster manual task " + notice.ref(),
            notice.text());
    openTasks.add(new MirroredTask(notice.workflowId(), notice.ref(), sysId));
  }

  private void checkTasks() {
    for (MirroredTask task : new ArrayList<>(openTasks)) {
      String closedBy;
      try {
        closedBy = tickets.closedBy(task.taskSysId());
      } catch (ActivityFailure e) {
        continue; // checked again at the next interval
      }
      if (closedBy == null) {
        continue;
      }
      openTasks.remove(task);
      try {
        Workflow.newUntypedExternalWorkflowStub(task.workflowId())
            .signal(
                "completeManualTask",
                new TaskCompletion(
                    task.taskId(), "servicenow:" + closedBy, "closed in ServiceNow"));
      } catch (RuntimeException e) {
        log.info("request gone before its task closed workflowId={}", task.workflowId());
      }
    }
  }

  @Override
  public void post(Notice notice) {
    pending.add(notice);
  }
}
