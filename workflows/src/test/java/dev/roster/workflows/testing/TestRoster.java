package dev.roster.workflows.testing;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.bulkimport.BulkImportWorkflowImpl;
import dev.roster.workflows.change.ChangeAccessWorkflowImpl;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Roster's request workflows on a time-skipping test environment with fake activities: the
 * workflows and the control and planning fakes on {@code roster}, the vendor fakes on every queue
 * the configured accounts name. Queues are Roster's own, so the extension's worker is not started.
 */
public final class TestRoster {
  public final TestWorkflowEnvironment env;
  public final WorkflowClient client;
  public final FakeControl control;
  public final FakeVendor vendor;
  public final FakeImports imports;

  /** The extension: a fresh time-skipping environment per test, Roster's search attributes. */
  public static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder =
        TestWorkflowExtension.newBuilder().setUseTimeskipping(true).setDoNotStart(true);
    RosterSearchAttributes.ALL.forEach(builder::registerSearchAttribute);
    return builder.build();
  }

  private TestRoster(
      TestWorkflowEnvironment env, FakeControl control, FakeVendor vendor, FakeImports imports) {
    this.env = env;
    this.client = env.getWorkflowClient();
    this.control = control;
    this.vendor = vendor;
    this.imports = imports;
  }

  /**
   * Registers the workers for the fakes' accounts and starts the environment.
   *
   * @param more workflow implementations of the test itself, also on {@code roster}
   */
  public static TestRoster start(
      TestWorkflowEnvironment env,
      FakeControl control,
      FakeVendor vendor,
      FakeImports imports,
      Class<?>... more) {
    Worker roster = env.newWorker(TaskQueues.ROSTER);
    roster.registerWorkflowImplementationTypes(
        OnboardUserWorkflowImpl.class,
        OffboardUserWorkflowImpl.class,
        BulkImportWorkflowImpl.class,
        ChangeAccessWorkflowImpl.class);
    if (more.length > 0) {
      roster.registerWorkflowImplementationTypes(more);
    }
    roster.registerActivitiesImplementations(control, imports);
    Set<String> queues = new LinkedHashSet<>();
    for (AccountInfo info : control.accounts()) {
      queues.add(info.teamTaskQueue());
      queues.add(info.contactsTaskQueue());
    }
    queues.forEach(q -> env.newWorker(q).registerActivitiesImplementations(vendor, imports));
    env.start();
    return new TestRoster(env, control, vendor, imports);
  }

  public static TestRoster start(TestWorkflowEnvironment env, FakeControl control) {
    return start(env, control, new FakeVendor(), new FakeImports());
  }

  /** A typed stub for a new workflow {@code id} on {@code roster}. */
  public <T> T stub(Class<T> type, String id) {
    return client.newWorkflowStub(
        type,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.ROSTER).build());
  }
}
