package dev.roster.worker.metrics;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.board.RequestBoardWorkflow;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import dev.roster.workflows.watcher.WatcherState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits, as gauges read from the workflows that hold the facts, just before a scrape (at most
 * every {@link #FRESH}): {@code roster_invitations_pending{account}} from each account's
 * InvitationWatcher (its waiters: invitations sent and not yet accepted, expired or cancelled),
 * {@code roster_approvals_waiting{kind}} and {@code roster_manual_tasks_waiting{account}} from the
 * request board. The workflows are the one place that knows, whatever worker ran what and however
 * often workers restarted, so every process reports the same namespace-wide numbers: aggregate with
 * {@code max}, never {@code sum}. A value that could not be read is NaN until the next read. Labels
 * are configured account ids and request kinds only.
 */
public final class WaitingGauges implements BeforeScrape {
  private static final Logger log = LoggerFactory.getLogger(WaitingGauges.class);

  public static final String INVITATIONS = "roster.invitations.pending";
  public static final String APPROVALS = "roster.approvals.waiting";
  public static final String MANUAL_TASKS = "roster.manual.tasks.waiting";

  /** Scrapes closer together than this reuse the last read. */
  static final Duration FRESH = Duration.ofSeconds(5);

  /** How long one describe may take before the round gives up. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  /**
   * An approval's kind: the request it belongs to (import rows with a team role and the accounts an
   * access change adds onboard).
   */
  static final List<String> KINDS = List.of("onboard", "offboard", "change", "import", "other");

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          INVITATIONS,
          "Team invitations sent and not yet accepted, expired or cancelled, by vendor account",
          APPROVALS,
          "Approvals waiting for a person, by kind of request",
          MANUAL_TASKS,
          "Manual tasks waiting for a person, by vendor account");

  private static final String SAME_EVERYWHERE =
      "; read from Temporal when scraped (at most every 5 s), the same in every worker process:"
          + " aggregate with max, not sum";

  private final WorkflowClient client;
  private final List<String> accounts;
  private final MeterRegistry registry;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Double> values = Map.of();
  private long readAt;
  private boolean read;

  /**
   * @param accounts the configured account ids, each with its series from the start
   */
  public WaitingGauges(WorkflowClient client, List<String> accounts, MeterRegistry registry) {
    this.client = requireNonNull(client, "client is null");
    this.accounts = List.copyOf(accounts);
    this.registry = requireNonNull(registry, "registry is null");
    this.accounts.forEach(a -> register(INVITATIONS, "account", a));
    this.accounts.forEach(a -> register(MANUAL_TASKS, "account", a));
    KINDS.forEach(k -> register(APPROVALS, "kind", k));
  }

  /** The kind of request a workflow id belongs to, from Roster's id conventions. */
  static String kindOf(String workflowId) {
    if (workflowId == null) {
      return "other";
    }
    if (workflowId.contains("-invite-") || workflowId.endsWith("-onboard")) {
      return "onboard";
    }
    int dash = workflowId.indexOf('-');
    String prefix = dash < 0 ? workflowId : workflowId.substring(0, dash);
    return KINDS.contains(prefix) ? prefix : "other";
  }

  @Override
  public synchronized void beforeScrape() {
    long now = System.nanoTime();
    if (read && now - readAt < FRESH.toNanos()) {
      return;
    }
    Map<String, Double> next = new HashMap<>();
    Reads reads = new Reads();
    for (String account : accounts) {
      String watcher = WatcherState.workflowId(account);
      next.put(
          key(INVITATIONS, account),
          reads.count(
              watcher,
              () ->
                  client.newWorkflowStub(InvitationWatcherWorkflow.class, watcher).waitingCount()));
    }
    String boardId = RequestBoardWorkflow.WORKFLOW_ID;
    List<BoardItem> board =
        reads.read(
            boardId, () -> client.newWorkflowStub(RequestBoardWorkflow.class, boardId).items());
    if (board == null) {
      KINDS.forEach(k -> next.put(key(APPROVALS, k), Double.NaN));
      accounts.forEach(a -> next.put(key(MANUAL_TASKS, a), Double.NaN));
    } else {
      for (BoardItem item : board) {
        String series =
            BoardItem.APPROVAL.equals(item.kind())
                ? key(APPROVALS, kindOf(item.workflowId()))
                : key(MANUAL_TASKS, item.account() == null ? "none" : item.account());
        next.merge(series, 1.0, Double::sum);
      }
      next.keySet().stream().filter(k -> k.startsWith(MANUAL_TASKS)).forEach(this::registerKey);
    }
    values = next;
    readAt = now;
    read = true;
  }

  /**
   * One round of reads. Each asks first whether the workflow's latest run is open (a query on a
   * closed one would replay its history) with a short deadline and no retries; after one failure
   * the round reads nothing more, so a scrape with Temporal out of reach answers at once.
   */
  private final class Reads {
    private boolean failed;

    double count(String workflowId, Supplier<Integer> query) {
      List<Integer> count = read(workflowId, () -> List.of(query.get()));
      return count == null ? Double.NaN : count.isEmpty() ? 0 : count.get(0);
    }

    /** The query's answer, empty when the workflow is not running, null when unknown. */
    <T> List<T> read(String workflowId, Supplier<List<T>> query) {
      if (failed) {
        return null;
      }
      try {
        return running(workflowId) ? query.get() : List.of();
      } catch (RuntimeException e) {
        failed = true;
        log.warn("waiting gauges: cannot read {} ({})", workflowId, e.getClass().getSimpleName());
        return null;
      }
    }
  }

  private boolean running(String workflowId) {
    DescribeWorkflowExecutionRequest describe =
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .build();
    try {
      return client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .describeWorkflowExecution(describe)
              .getWorkflowExecutionInfo()
              .getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static String key(String name, String label) {
    return name + "\n" + label;
  }

  private void registerKey(String key) {
    int newline = key.indexOf('\n');
    register(key.substring(0, newline), "account", key.substring(newline + 1));
  }

  private void register(String name, String tag, String label) {
    String key = key(name, label);
    if (!registered.add(key)) {
      return;
    }
    Gauge.builder(name, this, g -> g.values.getOrDefault(key, 0.0))
        .description(DESCRIPTIONS.get(name) + SAME_EVERYWHERE)
        .tag(tag, label)
        .strongReference(true)
        .register(registry);
  }
}
