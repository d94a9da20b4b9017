package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source once, start to end, one row in memory at a time: validates every row, writes the
 * failure CSV into the import's directory in the {@link ImportStore} and returns the {@link
 * ImportPlan} that chunks and the dry run use. A long read (a million rows, a slow URL) checkpoints
 * as it goes ({@link PlanningProgress}); an attempt that finds an earlier attempt's heartbeat goes
 * on from its checkpoint instead of from the start. Changes nothing but the import's own files.
 * Thread-safe.
 */
public final class ImportPlanner {
  private static final Logger log = LoggerFactory.getLogger(ImportPlanner.class);

  private final SourceOpener opener;

  public ImportPlanner(SourceOpener opener) {
    this.opener = requireNonNull(opener, "opener is null");
  }

  /**
   * A finished pass.
   *
   * @param planningId the pass's id; its plan file is named by it
   * @param plan the plan
   */
  record Planned(String planningId, ImportPlan plan) {}

  /**
   * Plans an import in one go, without checkpoints, into {@code <store>/<importName>/} (tests,
   * tools; the planning activity checkpoints).
   */
  public ImportPlan plan(
      ImportSource source, ImportOptions options, ImportStore store, String importName) {
    return plan(source, options, store.forImport(importName), PlanningProgress.NONE).plan();
  }

  /**
   * Plans an import, resuming at {@code progress.resumeFrom()} when it names a usable checkpoint.
   *
   * @throws ImportFailed when the source cannot be read ({@code SOURCE_*}, retryable only for
   *     {@code SOURCE_UNAVAILABLE}), is binary ({@code NOT_TEXT}), has more than {@code maxRows}
   *     rows ({@code SOURCE_TOO_LARGE}), its header is unusable ({@code BAD_HEADER}), or it changed
   *     since the checkpoint ({@code SOURCE_CHANGED})
   */
  Planned plan(
      ImportSource source, ImportOptions options, StoredImport files, PlanningProgress progress) {
    requireNonNull(source, "source is null");
    requireNonNull(options, "options is null");
    PlanningHeartbeat heartbeat = progress.resumeFrom();
    PlanningCheckpoint from = heartbeat == null ? null : PlanPass.load(files, heartbeat);
    long offset = from == null ? 0 : from.position().byteOffset();
    try (OpenedSource opened = opener.open(source, offset)) {
      CsvRowReader reader;
      PlanPass pass;
      if (from == null) {
        reader = CsvRowReader.open(TextSniff.requireText(opened.stream()), options.format());
        ColumnMapping mapping =
            ColumnMapping.of(
                reader.header(), options.attributeColumns(), options.unknownColumnsFatal());
        PlanPass.Opened start =
            new PlanPass.Opened(
                opened.version(), reader.delimiter(), mapping, ChunkCursor.at(reader.position()));
        pass = PlanPass.fresh(files, progress.attempt(), start, options);
      } else {
        requireSameVersion(from, opened, source);
        reader =
            CsvRowReader.resume(
                opened.stream(), from.delimiter(), options.format().maxRowBytes(), from.position());
        ColumnMapping mapping = ColumnMapping.of(from.header(), options.attributeColumns(), false);
        PlanPass.Opened start =
            new PlanPass.Opened(from.sourceVersion(), from.delimiter(), mapping, from.firstChunk());
        pass = PlanPass.resume(files, progress.attempt(), start, from, options);
        log.info(
            "import planning resumed source={} line={} rows={} attempt={}",
            source.describe(),
            from.position().lineNumber(),
            from.rows(),
            progress.attempt());
      }
      try (pass) {
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
          if (record.rowIndex() >= options.maxRows()) {
            throw new ImportFailed(
                ImportFailed.Kind.SOURCE_TOO_LARGE,
                "more than " + options.maxRows() + " rows in " + source.describe());
          }
          pass.add(record);
          if (progress.due(pass.rowsSinceCheckpoint())) {
            progress.beat(pass.checkpoint(reader.position()));
          }
        }
        ImportPlan plan = pass.finish(source, options);
        DryRunReport report = plan.report();
        log.info(
            "import planned source={} rows={} valid={} invalid={} teamRole={} unknownColumns={}",
            source.describe(),
            report.rowsRead(),
            report.valid(),
            report.invalid(),
            report.withTeamRole(),
            report.unknownColumns().size());
        return new Planned(pass.planningId(), plan);
      }
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + source.describe(), e);
    }
  }

  private static void requireSameVersion(
      PlanningCheckpoint from, OpenedSource opened, ImportSource source) {
    if (from.sourceVersion() != null
        && opened.version() != null
        && !Objects.equals(from.sourceVersion(), opened.version())) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_CHANGED,
          "the source changed while it was being planned: " + source.describe());
    }
  }
}
