package dev.roster.activities.bulkimport;

import static dev.roster.activities.bulkimport.ImportPlanningActivitiesImpl.cursor;
import static dev.roster.activities.bulkimport.ImportPlanningActivitiesImpl.position;
import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.RejectedRow;
import dev.roster.workflows.bulkimport.ChunkPosition;
import dev.roster.workflows.bulkimport.ImportVendorActivities;
import dev.roster.workflows.bulkimport.JobProgress;
import dev.roster.workflows.bulkimport.PendingJob;
import dev.roster.workflows.bulkimport.SentChunk;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts' bulk endpoints, routed by account id. Plans are read from, and refused rows
 * appended to, the {@link ImportStore}, so any worker mounting it can run any chunk. Thread-safe.
 */
public final class ImportVendorActivitiesImpl implements ImportVendorActivities {
  private static final Logger log = LoggerFactory.getLogger(ImportVendorActivitiesImpl.class);

  private final SourceOpener opener;
  private final Map<String, BulkImportConnector> connectors;
  private final PlanFiles plans;
  private final RejectionLog rejections = new RejectionLog();

  /**
   * @param store where the plans are, or null when this worker takes no imports
   */
  public ImportVendorActivitiesImpl(
      SourceOpener opener, Map<String, BulkImportConnector> connectors, ImportStore store) {
    this.opener = requireNonNull(opener, "opener is null");
    this.connectors = Map.copyOf(requireNonNull(connectors, "connectors is null"));
    this.plans = store == null ? null : new PlanFiles(store);
  }

  private PlanFiles.Stored load(String planFile) {
    if (plans == null) {
      throw ImportPlanningActivitiesImpl.disabled();
    }
    return plans.load(planFile);
  }

  @Override
  public SentChunk submitChunk(
      String planFile, String account, List<String> lists, ChunkPosition at, int maxRows) {
    BulkImportConnector c = ImportActivityFailures.connector(connectors, account);
    return ImportActivityFailures.call(
        () -> {
          ImportPlan plan = load(planFile).plan();
          int rows = Math.max(1, Math.min(maxRows, c.maxRowsPerJob()));
          Chunk chunk =
              new ChunkReader(opener, plan).nextChunk(cursor(at), rows, c.maxBytesPerJob());
          String jobId =
              chunk.rows().isEmpty()
                  ? null
                  : c.startImport(chunk.rows(), lists == null ? List.of() : lists);
          log.info(
              "import chunk sent account={} line={} rows={} valid={} jobId={}",
              account,
              at.lineNumber(),
              chunk.chunk().rowsInChunk(),
              chunk.rows().size(),
              jobId);
          return new SentChunk(
              jobId,
              position(chunk.chunk()),
              position(chunk.next()),
              chunk.last(),
              chunk.rows().size(),
              chunk.invalidRows());
        });
  }

  @Override
  public JobProgress jobStatus(String account, String jobId) {
    BulkImportConnector c = ImportActivityFailures.connector(connectors, account);
    return ImportActivityFailures.call(
        () -> {
          BulkJob job = c.jobStatus(jobId);
          return new JobProgress(
              job.vendorStatus(),
              job.finished(),
              job.state() == BulkJob.State.FAILED,
              job.rejected(),
              job.error());
        });
  }

  @Override
  public int recordRejections(String planFile, String account, PendingJob job, boolean jobFailed) {
    BulkImportConnector c = ImportActivityFailures.connector(connectors, account);
    return ImportActivityFailures.call(
        () -> {
          PlanFiles.Stored plan = load(planFile);
          String key = account + "/" + job.jobId();
          Integer earlier = rejections.recorded(plan, key);
          if (earlier != null) {
            return earlier;
          }
          List<RejectedRow> refused = c.rejectedRows(job.jobId());
          // A failed job without per-row reasons fails every row it carried.
          boolean wholeJob = jobFailed && refused.isEmpty();
          String jobError = wholeJob ? c.jobStatus(job.jobId()).error() : null;
          Chunk chunk =
              new ChunkReader(opener, plan.plan())
                  .nextChunk(cursor(job.chunk()), 1, Long.MAX_VALUE);
          int written = rejections.append(plan, key, account, chunk, refused, wholeJob, jobError);
          log.info(
              "import rejections recorded account={} jobId={} rows={}",
              account,
              job.jobId(),
              written);
          return written;
        });
  }
}
