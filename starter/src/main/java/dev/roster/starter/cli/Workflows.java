package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.RequestConflict;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportStatus;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.change.ChangeAccessResult;
import dev.roster.workflows.change.ChangeAccessStatus;
import dev.roster.workflows.change.ChangeAccessWorkflow;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardStatus;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Emails;
import dev.roster.workflows.request.RequestResult;
import dev.roster.workflows.request.RequestStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Finding and asking workflows, for the CLI. */
final class Workflows {

  /**
   * The workflow ids a target names: itself, or for an email the person's requests started without
   * a ticket ({@code offboard-<subject>}, {@code onboard-<subject>}) that exist. The subject key is
   * asked for only for an email (a workflow id needs none).
   */
  static List<String> resolveIds(
      WorkflowClient client, String idOrEmail, Supplier<SubjectHasher> subjects) {
    if (!idOrEmail.contains("@")) {
      return List.of(idOrEmail);
    }
    SubjectHasher hasher = subjects.get();
    List<String> found =
        existing(
            client,
            List.of(
                resolveId(idOrEmail, hasher, "offboard"), resolveId(idOrEmail, hasher, "onboard")));
    if (found.isEmpty()) {
      throw new UsageError(
          "no request for "
              + Emails.mask(idOrEmail)
              + " started without a ticket; a ticket's request has the id <operation>-<ticket>");
    }
    return found;
  }

  /** Those of {@code ids} that name a workflow, running or closed (still within retention). */
  static List<String> existing(WorkflowClient client, List<String> ids) {
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      try {
        client.newUntypedWorkflowStub(id).describe();
        found.add(id);
      } catch (WorkflowNotFoundException e) {
        // Not this one.
      } catch (StatusRuntimeException e) {
        throw unreachable(e);
      }
    }
    return found;
  }

  static String resolveId(String idOrEmail, SubjectHasher subjects, String operation) {
    if (idOrEmail.contains("@")) {
      if (!Emails.isValid(idOrEmail)) {
        throw new UsageError("not a valid email address: " + Emails.mask(idOrEmail));
      }
      return operation + "-" + subjects.subjectOf(idOrEmail);
    }
    return idOrEmail;
  }

  /** The status of any Roster request, typed by its workflow type. */
  static RequestStatus status(WorkflowClient client, String workflowId) {
    try {
      WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
      return stub.query("status", statusType(workflowId, stub.describe().getWorkflowType()));
    } catch (WorkflowNotFoundException e) {
      throw new UsageError("no workflow with id " + workflowId);
    } catch (WorkflowQueryException e) {
      throw new UsageError("workflow " + workflowId + " does not answer status: " + rootMessage(e));
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /** The status and result records of each request type. */
  static Class<? extends RequestStatus> statusType(String workflowId, String type) {
    return switch (type) {
      case OnboardUserWorkflow.TYPE -> OnboardStatus.class;
      case OffboardUserWorkflow.TYPE -> OffboardStatus.class;
      case BulkImportWorkflow.TYPE -> BulkImportStatus.class;
      case ChangeAccessWorkflow.TYPE -> ChangeAccessStatus.class;
      default -> throw new UsageError(workflowId + " is a " + type + ", not a Roster request");
    };
  }

  static Class<? extends RequestResult> resultType(String workflowId, String type) {
    return switch (type) {
      case OnboardUserWorkflow.TYPE -> OnboardResult.class;
      case OffboardUserWorkflow.TYPE -> OffboardResult.class;
      case BulkImportWorkflow.TYPE -> BulkImportResult.class;
      case ChangeAccessWorkflow.TYPE -> ChangeAccessResult.class;
      default -> throw new UsageError(workflowId + " is a " + type + ", not a Roster request");
    };
  }

  /**
   * Starts a request after checking it: every problem becomes one usage error; an unreachable
   * server a clear one. Returns the workflow id.
   */
  static <T> T startChecked(List<String> problems, java.util.function.Supplier<T> start) {
    if (!problems.isEmpty()) {
      throw new UsageError(String.join("; ", problems));
    }
    try {
      return start.get();
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /** A request refused for differing from the running one, with what the user can do. */
  static UsageError refused(RequestConflict e, String advice) {
    return new UsageError(
        e.getMessage()
            + ". "
            + advice
            + ": roster cancel "
            + e.workflowId()
            + " --by NAME --reason TEXT");
  }

  static WorkflowStub untyped(WorkflowClient client, String workflowId) {
    return client.newUntypedWorkflowStub(workflowId);
  }

  /** Temporal did not answer; reported with the address tried (see RosterCommand). */
  static RuntimeException unreachable(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
        ? new TemporalUnreachable(code.name(), e)
        : e;
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
