package dev.roster.activities.bulkimport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planning pass's running state in the import store: the validator (with the emails seen), the
 * counts, the attempt's failure report and its log of emails seen. Each attempt writes files of its
 * own ({@code planning/<attempt>.*}), so an attempt Temporal already gave up on, should it still be
 * running, never writes into its successor's; a resumed attempt starts from a copy of the
 * checkpointed prefix of its predecessor's files. Not thread-safe.
 */
final class PlanPass implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(PlanPass.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final StoredImport files;
  private final String planningId;
  private final int attempt;
  private final String sourceVersion;
  private final char delimiter;
  private final ColumnMapping mapping;
  private final ChunkCursor firstChunk;
  private final RowValidator validator;
  private final PlanTally tally;
  private final FailureReportWriter report;
  private final FileChannel seenChannel;
  private final DataOutputStream seen;
  private long sequence;
  private long rowsSinceCheckpoint;

  private PlanPass(
      StoredImport files,
      String planningId,
      int attempt,
      Opened opened,
      RowValidator validator,
      PlanTally tally,
      FailureReportWriter report,
      FileChannel seenChannel,
      long sequence) {
    this.files = files;
    this.planningId = planningId;
    this.attempt = attempt;
    this.sourceVersion = opened.sourceVersion();
    this.delimiter = opened.delimiter();
    this.mapping = opened.mapping();
    this.firstChunk = opened.firstChunk();
    this.validator = validator;
    this.tally = tally;
    this.report = report;
    this.seenChannel = seenChannel;
    this.seen =
        new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(seenChannel)));
    this.sequence = sequence;
  }

  /**
   * What a pass knows about its source once the header is read.
   *
   * @param sourceVersion the opener's version of the source, or null
   * @param delimiter the field delimiter
   * @param mapping the header's meaning
   * @param firstChunk where the first data row starts
   */
  record Opened(
      String sourceVersion, char delimiter, ColumnMapping mapping, ChunkCursor firstChunk) {}

  /** A pass from the start of the source; anything an earlier run of the import left is removed. */
  static PlanPass fresh(StoredImport files, int attempt, Opened opened, ImportOptions options)
      throws IOException {
    files.clear();
    files.create();
    // The first 12 hex digits of a random UUID are all random.
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    FailureReportWriter report =
        FailureReportWriter.create(
            reportFile(files, attempt), opened.mapping().header(), opened.mapping().emailColumn());
    FileChannel seen =
        ImportStore.open(
            seenFile(files, attempt),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    RowValidator validator =
        RowValidator.forPlanning(opened.mapping(), options.format().maxRowBytes());
    return new PlanPass(
        files,
        id,
        attempt,
        opened,
        validator,
        new PlanTally(options.maxProblems()),
        report,
        seen,
        0);
  }

  /**
   * The checkpoint a heartbeat names, or null when it cannot be resumed from (missing, of another
   * pass, older than the heartbeat, or its files shorter than it says): the pass then starts over.
   */
  static PlanningCheckpoint load(StoredImport files, PlanningHeartbeat from) {
    Path file = checkpointFile(files, from.attempt());
    try {
      PlanningCheckpoint c = JSON.readValue(Files.readAllBytes(file), PlanningCheckpoint.class);
      boolean usable =
          from.planningId().equals(c.planningId())
              && c.sequence() >= from.sequence()
              && Files.size(reportFile(files, c.attempt())) >= c.reportBytes()
              && Files.size(seenFile(files, c.attempt())) >= c.seenBytes();
      return usable ? c : null;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "import planning checkpoint unusable, starting over file={} error={}",
          file,
          e.getClass().getSimpleName());
      return null;
    }
  }

  /** A pass that goes on from checkpoint {@code from} (of this or an earlier attempt). */
  static PlanPass resume(
      StoredImport files,
      int attempt,
      Opened opened,
      PlanningCheckpoint from,
      ImportOptions options)
      throws IOException {
    carry(reportFile(files, from.attempt()), reportFile(files, attempt), from.reportBytes());
    carry(seenFile(files, from.attempt()), seenFile(files, attempt), from.seenBytes());
    EmailFingerprints emails;
    try (InputStream in = Files.newInputStream(seenFile(files, attempt))) {
      emails = EmailFingerprints.restore(in, from.seenBytes());
    }
    RowValidator validator =
        RowValidator.resumePlanning(
            opened.mapping(),
            options.format().maxRowBytes(),
            emails,
            ImportPlan.decode(from.duplicateRows()));
    FailureReportWriter report =
        FailureReportWriter.appendTo(reportFile(files, attempt), opened.mapping().emailColumn());
    FileChannel seen = ImportStore.open(seenFile(files, attempt), StandardOpenOption.APPEND);
    return new PlanPass(
        files,
        from.planningId(),
        attempt,
        opened,
        validator,
        PlanTally.restore(from, options.maxProblems()),
        report,
        seen,
        from.sequence());
  }

  String planningId() {
    return planningId;
  }

  /** Checks one row, counts it, and reports it when invalid. */
  void add(CsvRecord record) throws IOException {
    RowCheck check = validator.check(record);
    tally.add(check);
    if (check instanceof RowCheck.Invalid invalid) {
      report.append(invalid.failure());
    }
    rowsSinceCheckpoint++;
  }

  long rowsSinceCheckpoint() {
    return rowsSinceCheckpoint;
  }

  /**
   * Writes everything up to {@code next} (a row boundary) to the store, then the checkpoint that
   * names it; returns the heartbeat for it.
   */
  PlanningHeartbeat checkpoint(CsvPosition next) throws IOException {
    long reportBytes = report.flushedSize();
    validator.fingerprints().drainAdded(seen);
    seen.flush();
    seenChannel.force(false);
    long seenBytes = seenChannel.size();
    sequence++;
    PlanningCheckpoint c =
        new PlanningCheckpoint(
            planningId,
            attempt,
            sequence,
            sourceVersion,
            delimiter,
            mapping.header(),
            firstChunk,
            next,
            reportBytes,
            seenBytes,
            ImportPlan.encode(validator.duplicateRows()),
            tally.rows(),
            tally.valid(),
            tally.withRole(),
            tally.byReason(),
            tally.firstProblems());
    ImportStore.writeAtomically(checkpointFile(files, attempt), JSON.writeValueAsBytes(c));
    rowsSinceCheckpoint = 0;
    return c.heartbeat();
  }

  /** Closes the working files, moves the report in place and returns the plan. */
  ImportPlan finish(ImportSource source, ImportOptions options) throws IOException {
    close();
    Files.move(
        reportFile(files, attempt),
        files.report(),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return new ImportPlan(
        source,
        sourceVersion,
        delimiter,
        mapping.header(),
        options,
        firstChunk,
        ImportPlan.encode(validator.duplicateRows()),
        tally.report(source, mapping, files.report()));
  }

  @Override
  public void close() throws IOException {
    try (report;
        seenChannel) {
      seen.flush();
    }
  }

  /** Copies the first {@code bytes} of {@code from} to {@code to} (or cuts a file of its own). */
  private static void carry(Path from, Path to, long bytes) throws IOException {
    if (from.equals(to)) {
      try (FileChannel own = ImportStore.open(to, StandardOpenOption.WRITE)) {
        own.truncate(bytes);
      }
      return;
    }
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
        FileChannel out =
            ImportStore.open(
                to,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      long done = 0;
      while (done < bytes) {
        long n = in.transferTo(done, bytes - done, out);
        if (n <= 0) {
          throw new IOException("short planning file " + from);
        }
        done += n;
      }
    }
  }

  private static Path reportFile(StoredImport files, int attempt) {
    return files.planning().resolve(attempt + ".failures.csv");
  }

  private static Path seenFile(StoredImport files, int attempt) {
    return files.planning().resolve(attempt + ".seen");
  }

  private static Path checkpointFile(StoredImport files, int attempt) {
    return files.planning().resolve(attempt + ".checkpoint.json");
  }
}
