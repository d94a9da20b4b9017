package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.workflows.bulkimport.BulkTarget;
import dev.roster.workflows.bulkimport.ChunkPosition;
import dev.roster.workflows.bulkimport.ImportPlanningActivities;
import dev.roster.workflows.bulkimport.InviteBatch;
import dev.roster.workflows.bulkimport.InviteRow;
import dev.roster.workflows.bulkimport.PlanSummary;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans imports on the {@code roster} queue and describes the accounts' bulk endpoints. Plans,
 * planning checkpoints and failure reports live in the {@link ImportStore}; without one (imports
 * disabled) every import is refused at once. Thread-safe: the planner and the plan files are.
 */
public final class ImportPlanningActivitiesImpl implements ImportPlanningActivities {
  /** Rows read per chunk while looking for rows asking for team access. */
  static final int INVITE_SCAN_ROWS = 500;

  /** The most rows one {@link #invitations} call reads before it answers (even with none). */
  static final int INVITE_SCAN_LIMIT = 20_000;

  private static final long INVITE_SCAN_BYTES = 256 * 1024;

  private final SourceOpener opener;
  private final ImportPlanner planner;
  private final ImportStore store;
  private final PlanFiles plans;
  private final CheckpointPolicy checkpoints;
  private final Map<String, BulkImportConnector> connectors;
  private final Map<String, String> vendors;

  /**
   * @param opener opens the sources
   * @param connectors the bulk connector of each account that has one
   * @param vendors the vendor type of every configured account (so an account without a bulk
   *     connector is reported as such, not as unknown)
   * @param store where plans and failure reports go, or null when this worker takes no imports
   * @param checkpoints how often planning checkpoints and heartbeats
   */
  public ImportPlanningActivitiesImpl(
      SourceOpener opener,
      Map<String, BulkImportConnector> connectors,
      Map<String, String> vendors,
      ImportStore store,
      CheckpointPolicy checkpoints) {
    this.opener = requireNonNull(opener, "opener is null");
    this.planner = new ImportPlanner(opener);
    this.store = store;
    this.plans = store == null ? null : new PlanFiles(store);
    this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
    this.connectors = Map.copyOf(requireNonNull(connectors, "connectors is null"));
    this.vendors = Map.copyOf(requireNonNull(vendors, "vendors is null"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The report goes to {@code <store>/<reportName>/failures.csv}; a request may not choose
   * another directory ({@code reportDirectory} must be null). Heartbeats a {@link
   * PlanningHeartbeat} at every checkpoint and resumes from the last one on a retry.
   */
  @Override
  public PlanSummary planImport(String source, String reportDirectory, String reportName) {
    return ImportActivityFailures.call(
        () -> {
          if (reportDirectory != null) {
            throw new ImportFailed(
                ImportFailed.Kind.INVALID_SOURCE,
                "settings.reportDirectory cannot be chosen per request: failure reports go to "
                    + ImportStore.SETTING);
          }
          ImportSource parsed = SourceReference.parse(source);
          ActivityExecutionContext context = Activity.getExecutionContext();
          StoredImport files =
              requireStore()
                  .forImport(reportName != null ? reportName : context.getInfo().getWorkflowId());
          ImportPlanner.Planned planned =
              planner.plan(
                  parsed,
                  ImportOptions.defaults(),
                  files,
                  new ActivityPlanningProgress(context, checkpoints, System::nanoTime));
          String planRef = plans.save(files, planned.planningId(), planned.plan());
          files.clearPlanning();
          ImportPlan plan = planned.plan();
          DryRunReport r = plan.report();
          return new PlanSummary(
              planRef,
              r.failureReport(),
              r.rowsRead(),
              r.valid(),
              r.invalid(),
              r.withTeamRole(),
              r.toText(),
              position(plan.firstChunk()));
        });
  }

  /**
   * Reads chunk after chunk from {@code at} until one holds rows asking for team access, {@link
   * #INVITE_SCAN_LIMIT} rows were read, or the source ends. The limits are constants, so the same
   * position always gives the same batch.
   */
  @Override
  public InviteBatch invitations(String planFile, ChunkPosition at) {
    return ImportActivityFailures.call(
        () -> {
          ImportPlan plan = requirePlans().load(planFile).plan();
          ChunkReader reader = new ChunkReader(opener, plan);
          // Rows in chunk 0: read by the scan limits, never as a replay of a sized chunk.
          ChunkCursor cursor = new ChunkCursor(at.byteOffset(), at.lineNumber(), at.rowIndex(), 0);
          List<InviteRow> found = new ArrayList<>();
          long read = 0;
          while (true) {
            Chunk chunk = reader.nextChunk(cursor, INVITE_SCAN_ROWS, INVITE_SCAN_BYTES);
            read += chunk.chunk().rowsInChunk();
            for (ImportRow row : chunk.rows()) {
              if (row.role() != null) {
                found.add(
                    new InviteRow(
                        row.line(), row.email(), row.firstName(), row.lastName(), row.role()));
              }
            }
            cursor = chunk.next();
            if (chunk.last() || !found.isEmpty() || read >= INVITE_SCAN_LIMIT) {
              return new InviteBatch(found, position(cursor), chunk.last());
            }
            // A slow source must not look like a stuck activity (the stub has a heartbeat
            // timeout); nothing to resume from: the same position gives the same batch.
            Activity.getExecutionContext().heartbeat(position(cursor));
          }
        });
  }

  @Override
  public boolean importEnded(String planFile, boolean deleteFiles) {
    return ImportActivityFailures.call(
        () -> {
          ImportStore store = requireStore();
          if (!deleteFiles && !store.deletesFilesWhenDone()) {
            return false;
          }
          store.owner(store.planFile(planFile)).clear();
          return true;
        });
  }

  @Override
  public List<BulkTarget> bulkTargets(List<String> accounts) {
    return accounts.stream().map(this::target).toList();
  }

  private BulkTarget target(String account) {
    BulkImportConnector c = connectors.get(account);
    String vendor = vendors.get(account);
    if (c == null) {
      String why =
          vendor == null
              ? "account '" + account + "' is not configured"
              : vendor + " keeps no contacts to import into";
      return new BulkTarget(account, vendor, false, why, null, null, 0, null, 0);
    }
    return new BulkTarget(
        account,
        vendor,
        true,
        null,
        TaskQueues.activityQueue(account, c.bulkFamily()),
        TaskQueues.activityQueue(account, c.jobFamily()),
        c.maxRowsPerJob(),
        c.pollInterval(),
        c.maxJobsInFlight());
  }

  private ImportStore requireStore() {
    if (store == null) {
      throw disabled();
    }
    return store;
  }

  private PlanFiles requirePlans() {
    requireStore();
    return plans;
  }

  /** The refusal of a worker without an import store. */
  static ImportFailed disabled() {
    return new ImportFailed(
        ImportFailed.Kind.IMPORTS_DISABLED,
        "this worker takes no imports: set "
            + ImportStore.SETTING
            + " (a directory every worker mounts) and imports.enabled: true");
  }

  static ChunkPosition position(ChunkCursor c) {
    return new ChunkPosition(c.byteOffset(), c.lineNumber(), c.rowIndex(), c.rowsInChunk());
  }

  static ChunkCursor cursor(ChunkPosition p) {
    return new ChunkCursor(p.byteOffset(), p.lineNumber(), p.rowIndex(), p.rowsInChunk());
  }
}
