package dev.roster.activities.control;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.context.WorkflowSerializationContext;
import java.util.Optional;

/**
 * Finds the address a waiting workflow's invitation is for, from the request it was started with
 * (the first event of its current run). The watcher keeps waiters by id only; the address is read
 * here, at poll time, and never written anywhere.
 */
final class WaiterAddresses {
  private final WorkflowClient client;

  WaiterAddresses(WorkflowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * The normalised email of the person {@code workflowId}'s request is about; empty when no such
   * workflow exists any more (retention passed) or it is not a request that waits for invitations.
   *
   * @throws StatusRuntimeException when Temporal cannot answer (the activity is retried)
   */
  Optional<String> emailOf(String workflowId) {
    String namespace = client.getOptions().getNamespace();
    History first;
    try {
      first =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      // The start event is all we need; a long history stays on the server.
                      .setMaximumPageSize(1)
                      .build())
              .getHistory();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    if (first.getEventsCount() == 0
        || !first.getEvents(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    WorkflowExecutionStartedEventAttributes started =
        first.getEvents(0).getWorkflowExecutionStartedEventAttributes();
    // OnboardUser (also as an import's child) is the one request that waits for invitations.
    if (!OnboardUserWorkflow.TYPE.equals(started.getWorkflowType().getName())
        || !started.hasInput()) {
      return Optional.empty();
    }
    DataConverter converter =
        client
            .getOptions()
            .getDataConverter()
            .withContext(new WorkflowSerializationContext(namespace, workflowId));
    OnboardRequest request =
        converter.fromPayloads(
            0, Optional.of(started.getInput()), OnboardRequest.class, OnboardRequest.class);
    Person person = request == null ? null : request.person();
    String email = person == null ? "" : person.normalizedEmail();
    return email.isEmpty() ? Optional.empty() : Optional.of(email);
  }
}
