package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source once, start to end, one row in memory at a time: validates every row, writes the
 * failure CSV and returns the {@link ImportPlan} that chunks and the dry run use. Changes nothing
 * but its own report file; running it again rewrites the same report. Thread-safe.
 */
public final class ImportPlanner {
  private static final Logger log = LoggerFactory.getLogger(ImportPlanner.class);

  private final SourceOpener opener;

  public ImportPlanner(SourceOpener opener) {
    this.opener = requireNonNull(opener, "opener is null");
  }

  /**
   * Plans an import.
   *
   * @throws ImportFailed when the source cannot be read ({@code SOURCE_*}, retryable only for
   *     {@code SOURCE_UNAVAILABLE}), has more than {@code maxRows} rows ({@code SOURCE_TOO_LARGE}),
   *     or its header is unusable ({@code BAD_HEADER})
   */
  public ImportPlan plan(ImportSource source, ImportOptions options) {
    requireNonNull(source, "source is null");
    requireNonNull(options, "options is null");
    Path reportPath = FailureReportWriter.pathFor(source, options);
    try (OpenedSource opened = opener.open(source, 0);
        CsvRowReader reader = CsvRowReader.open(opened.stream(), options.format())) {
      ColumnMapping mapping =
          ColumnMapping.of(
              reader.header(), options.attributeColumns(), options.unknownColumnsFatal());
      ChunkCursor first = ChunkCursor.at(reader.position());
      RowValidator validator = RowValidator.forPlanning(mapping, options.format().maxRowBytes());
      Tally tally = new Tally(options.maxProblems());
      try (FailureReportWriter failures =
          FailureReportWriter.create(reportPath, mapping.header())) {
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
          if (record.rowIndex() >= options.maxRows()) {
            throw new ImportFailed(
                ImportFailed.Kind.SOURCE_TOO_LARGE,
                "more than " + options.maxRows() + " rows in " + source.describe());
          }
          RowCheck check = validator.check(record);
          tally.add(check);
          if (check instanceof RowCheck.Invalid invalid) {
            failures.append(invalid.failure());
          }
        }
      }
      DryRunReport report = tally.report(source, mapping, reportPath);
      log.info(
          "import planned source={} rows={} valid={} invalid={} teamRole={} unknownColumns={}",
          source.describe(),
          report.rowsRead(),
          report.valid(),
          report.invalid(),
          report.withTeamRole(),
          report.unknownColumns().size());
      return new ImportPlan(
          source,
          opened.version(),
          reader.delimiter(),
          mapping.header(),
          options,
          first,
          ImportPlan.encode(validator.duplicateRows()),
          report);
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + source.describe(), e);
    }
  }

  /** Counts outcomes; keeps only the first problems. */
  private static final class Tally {
    private final int maxProblems;
    private final Map<RowProblem, Long> byReason = new EnumMap<>(RowProblem.class);
    private final List<ProblemSample> firstProblems = new ArrayList<>();
    private long rows;
    private long valid;
    private long withRole;

    Tally(int maxProblems) {
      this.maxProblems = maxProblems;
    }

    void add(RowCheck check) {
      rows++;
      if (check instanceof RowCheck.Valid ok) {
        valid++;
        if (ok.row().role() != null) {
          withRole++;
        }
      } else if (check instanceof RowCheck.Invalid bad) {
        byReason.merge(bad.failure().reason(), 1L, Long::sum);
        if (firstProblems.size() < maxProblems) {
          firstProblems.add(ProblemSample.of(bad.failure()));
        }
      }
    }

    DryRunReport report(ImportSource source, ColumnMapping mapping, Path reportPath) {
      return new DryRunReport(
          source.describe(),
          rows,
          valid,
          rows - valid,
          byReason,
          withRole,
          mapping.unknownColumns(),
          firstProblems,
          reportPath.toString());
    }
  }
}
