package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.roster.worker.config.WorkerConfig;
import dev.roster.workflows.board.RequestBoardWorkflowImpl;
import dev.roster.workflows.bulkimport.BulkImportWorkflowImpl;
import dev.roster.workflows.change.ChangeAccessWorkflowImpl;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import dev.roster.workflows.ticket.ServiceNowPollerWorkflowImpl;
import dev.roster.workflows.ticket.TicketUpdatesWorkflowImpl;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role: workflows and Roster's control activities on {@code roster}, and one activity
 * queue per vendor account and endpoint family, each with its account's rate budget. Built by the
 * injector ({@code WorkerModule}), which registers everything on the bound {@link WorkerFactory};
 * {@link #start} starts polling (tests start their environment instead).
 */
public final class RosterWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RosterWorker.class);

  /**
   * Every workflow implementation the worker runs, on {@link TaskQueues#ROSTER}. Each must have a
   * recorded history that replays in the tests.
   */
  public static final List<Class<?>> WORKFLOWS =
      List.of(
          OnboardUserWorkflowImpl.class,
          InvitationWatcherWorkflowImpl.class,
          OffboardUserWorkflowImpl.class,
          RequestBoardWorkflowImpl.class,
          TicketUpdatesWorkflowImpl.class,
          ServiceNowPollerWorkflowImpl.class,
          BulkImportWorkflowImpl.class,
          ChangeAccessWorkflowImpl.class);

  private final WorkerFactory factory;
  private final WorkerConfig tuning;
  private final List<String> queues;

  /**
   * Registers the workflows on {@code roster} and each activity registration on its queue: a
   * rate-limited worker for every account queue and every queue with a budget, a plain one else.
   */
  @Inject
  public RosterWorker(
      WorkerFactory factory,
      WorkerConfig tuning,
      AccountConnectors accounts,
      Set<ActivityRegistration> registrations,
      Set<QueueBudget> budgets) {
    this.factory = requireNonNull(factory, "factory is null");
    this.tuning = requireNonNull(tuning, "tuning is null");
    Map<String, Double> rates = new LinkedHashMap<>(accounts.queueRates());
    budgets.forEach(b -> rates.put(b.taskQueue(), b.activitiesPerSecond()));
    Map<String, List<Object>> byQueue = new LinkedHashMap<>();
    byQueue.put(TaskQueues.ROSTER, new ArrayList<>());
    rates.keySet().forEach(q -> byQueue.put(q, new ArrayList<>()));
    for (ActivityRegistration r : registrations) {
      if (r.taskQueue().equals(ActivityRegistration.EVERY_ACCOUNT_QUEUE)) {
        // Each routes by account and refuses an account without that kind of connector, so a
        // wrong routing fails loudly instead of hanging.
        accounts.queueRates().keySet().forEach(q -> byQueue.get(q).add(r.implementation()));
      } else {
        byQueue.computeIfAbsent(r.taskQueue(), q -> new ArrayList<>()).add(r.implementation());
      }
    }
    byQueue.forEach(
        (queue, implementations) -> {
          Worker worker = factory.newWorker(queue, options(tuning, rates.get(queue)));
          if (queue.equals(TaskQueues.ROSTER)) {
            worker.registerWorkflowImplementationTypes(WORKFLOWS.toArray(Class<?>[]::new));
          }
          if (!implementations.isEmpty()) {
            worker.registerActivitiesImplementations(implementations.toArray());
          }
        });
    this.queues = List.copyOf(byQueue.keySet());
  }

  /**
   * The tuning of every queue's worker, and for a queue with a budget ({@code perSecond} not null)
   * its activity rate.
   */
  static WorkerOptions options(WorkerConfig tuning, Double perSecond) {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(tuning.maxConcurrentActivities())
            .setMaxConcurrentWorkflowTaskExecutionSize(tuning.maxConcurrentWorkflowTasks())
            .setMaxConcurrentWorkflowTaskPollers(tuning.workflowPollers())
            .setMaxConcurrentActivityTaskPollers(tuning.activityPollers());
    if (perSecond != null) {
      // Server-wide on a real cluster; the embedded server ignores it, and the HTTP layer's
      // RateBudget holds the line there. No per-worker limit: the SDK spaces those evenly (Brevo's
      // 100 per hour became one activity per 36 s, so five invitations took three minutes),
      // while the RateBudget lets a burst through that the vendor's window allows.
      options.setMaxTaskQueueActivitiesPerSecond(perSecond);
    }
    return options.build();
  }

  /** Whether it polls: started and not stopping (the worker's readiness). */
  public boolean polling() {
    return factory.isStarted() && !factory.isShutdown();
  }

  /** Starts polling every registered queue. */
  public RosterWorker start() {
    factory.start();
    log.info("worker started taskQueues={}", queues);
    return this;
  }

  /** The task queues this worker polls. */
  public List<String> taskQueues() {
    return queues;
  }

  /**
   * Stops polling and lets the activities already taken finish, up to {@code worker.shutdownGrace};
   * then interrupts what still runs (Temporal retries it on another worker once its timeout
   * passes).
   */
  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(tuning.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn(
          "activities still running after shutdownGrace={}; interrupting them",
          tuning.shutdownGrace());
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
    log.info("worker stopped taskQueues={}", queues);
  }
}
