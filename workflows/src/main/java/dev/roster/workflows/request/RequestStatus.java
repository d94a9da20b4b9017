package dev.roster.workflows.request;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/** What every request's {@code status()} answers, whatever the workflow. */
public interface RequestStatus {
  String phase();

  String ticket();

  /** Who asked; never allowed to approve. */
  String requestedBy();

  ApprovalStatus approval();

  List<AccountReport> accounts();

  List<ManualTask> manualTasks();
}
