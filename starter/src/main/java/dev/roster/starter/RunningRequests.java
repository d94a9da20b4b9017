package dev.roster.starter;

import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.change.ChangeAccessWorkflow;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Reads the request a running workflow holds (its {@code request} query), to compare a second
 * request with it. Queries are answered by a worker: with none running, the read fails after the
 * client's query timeout and says so.
 */
public final class RunningRequests {
  private final WorkflowClient client;

  RunningRequests(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts a request under {@code workflowId} with a FAIL conflict policy, so that only a start
   * that fails says another request runs there; that one is then compared with this one. Not
   * USE_EXISTING: with it a second, different request would vanish into the first.
   *
   * @param ticketed a ticket's request runs once: a closed one is not started again
   * @param start starts the workflow; throws WorkflowExecutionAlreadyStarted on a conflict
   * @param differences what this request asks differently from the running one
   * @throws RequestConflict when the running request differs
   */
  Started startOrCompare(
      String workflowId,
      boolean ticketed,
      Runnable start,
      Supplier<java.util.List<String>> differences) {
    for (int attempt = 0; ; attempt++) {
      try {
        start.run();
        return Started.of(workflowId, Started.How.STARTED);
      } catch (WorkflowExecutionAlreadyStarted e) {
        if (!isRunning(workflowId)) {
          if (ticketed || attempt > 0) {
            return Started.of(workflowId, Started.How.ALREADY_RAN);
          }
          continue; // it ended between our start and our look: start again
        }
        java.util.List<String> different = differences.get();
        if (different.isEmpty()) {
          return Started.of(workflowId, Started.How.ATTACHED);
        }
        throw new RequestConflict(workflowId, different);
      }
    }
  }

  /** Whether a workflow with this id is running now. */
  boolean isRunning(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  OnboardRequest onboardRequest(String workflowId) {
    return read(
        workflowId, () -> client.newWorkflowStub(OnboardUserWorkflow.class, workflowId).request());
  }

  ChangeAccessRequest changeRequest(String workflowId) {
    return read(
        workflowId, () -> client.newWorkflowStub(ChangeAccessWorkflow.class, workflowId).request());
  }

  OffboardRequest offboardRequest(String workflowId) {
    return read(
        workflowId, () -> client.newWorkflowStub(OffboardUserWorkflow.class, workflowId).request());
  }

  private static <T> T read(String workflowId, Supplier<T> query) {
    try {
      T request = query.get();
      if (request == null) {
        throw new Unanswered(workflowId, "it holds no request");
      }
      return request;
    } catch (WorkflowException e) {
      throw new Unanswered(workflowId, reason(e));
    } catch (io.grpc.StatusRuntimeException e) {
      throw new Unanswered(workflowId, e.getStatus().getCode().toString());
    }
  }

  /** The innermost application failure's message (a validator's or handler's reason). */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return af.getOriginalMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * The running request could not be read, so a second one can be neither attached nor refused for
   * what it asks: try again once a worker answers.
   */
  public static final class Unanswered extends RuntimeException {
    Unanswered(String workflowId, String why) {
      super(
          workflowId
              + " is running, but what it holds could not be read to compare with this request ("
              + why
              + "); try again once a Roster worker is running",
          null,
          false,
          false);
    }
  }
}
