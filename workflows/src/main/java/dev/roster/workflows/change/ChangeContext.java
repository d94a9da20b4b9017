package dev.roster.workflows.change;

import dev.roster.workflows.approval.ApprovalGate;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.tasks.ManualTasks;
import io.temporal.workflow.Promise;
import java.time.Duration;

/**
 * What every account's change in one ChangeAccess shares.
 *
 * @param approval resolves once the request's approval is decided (at once when none is needed)
 */
record ChangeContext(
    Person person,
    String workflowId,
    String ticket,
    ControlActivities control,
    Promise<ApprovalGate.Result> approval,
    ManualTasks tasks,
    Duration remindEvery) {}
