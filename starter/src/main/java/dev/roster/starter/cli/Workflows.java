package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.common.Emails;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;

/** Finding and asking workflows, for the CLI. */
final class Workflows {

  /** A workflow id, or {@code onboard-<subject>} for an email. */
  static String resolveId(String idOrEmail, SubjectHasher subjects) {
    if (idOrEmail.contains("@")) {
      if (!Emails.isValid(idOrEmail)) {
        throw new UsageError("not a valid email address: " + Emails.mask(idOrEmail));
      }
      return "onboard-" + subjects.subjectOf(idOrEmail);
    }
    return idOrEmail;
  }

  static OnboardStatus status(WorkflowClient client, String workflowId) {
    try {
      return client.newWorkflowStub(OnboardUserWorkflow.class, workflowId).status();
    } catch (WorkflowNotFoundException e) {
      throw new UsageError("no workflow with id " + workflowId);
    } catch (WorkflowQueryException e) {
      throw new UsageError("workflow " + workflowId + " does not answer status: " + rootMessage(e));
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  static WorkflowStub untyped(WorkflowClient client, String workflowId) {
    return client.newUntypedWorkflowStub(workflowId);
  }

  static UsageError unreachable(StatusRuntimeException e) {
    return new UsageError(
        "cannot reach Temporal ("
            + e.getStatus().getCode()
            + "): is `roster dev` running, or is TEMPORAL_ADDRESS right?");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private Workflows() {}
}
