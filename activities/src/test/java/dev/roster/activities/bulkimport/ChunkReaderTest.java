package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkReaderTest {
  private static final DataConverter PAYLOADS = DefaultDataConverter.newDefaultInstance();
  private static final int ROWS = 100_000;

  @TempDir Path dir;

  private SourceOpener opener() {
    return new FileSourceOpener(List.of(dir));
  }

  @Test
  void hundredThousandRowsStreamInChunksWithEveryValidRowExactlyOnce() throws IOException {
    Path csv = dir.resolve("big.csv");
    Set<String> expected = writeBigFile(csv);
    ImportPlan plan = plan(csv);

    assertThat(plan.report().rowsRead()).isEqualTo(ROWS);
    assertThat(plan.report().valid()).isEqualTo(expected.size());
    assertThat(plan.report().invalidByReason())
        .containsOnlyKeys(RowProblem.DUPLICATE_EMAIL, RowProblem.INVALID_EMAIL)
        .containsEntry(RowProblem.DUPLICATE_EMAIL, (long) ROWS / 1000)
        .containsEntry(RowProblem.INVALID_EMAIL, (long) ROWS - ROWS / 1000 - expected.size());
    // One bit per row travels in the plan, not one email.
    assertThat(plan.duplicateRows().length()).isLessThanOrEqualTo(ROWS / 6 + 4);
    assertThat(roundTrip(plan, ImportPlan.class)).isEqualTo(plan);

    List<String> seen = new ArrayList<>();
    long rowsCovered = 0;
    int chunks = 0;
    ChunkCursor cursor = plan.firstChunk();
    ChunkReader reader = new ChunkReader(opener(), plan);
    while (true) {
      Chunk chunk = reader.nextChunk(cursor, 1_000, 32 * 1024);
      chunks++;
      assertThat(chunk.chunk().rowsInChunk()).isBetween(1, 1_000);
      assertThat(chunk.chunk().rowIndex()).isEqualTo(rowsCovered);
      rowsCovered += chunk.chunk().rowsInChunk();
      chunk.rows().forEach(row -> seen.add(row.email()));
      if (chunk.last()) {
        break;
      }
      // Every 10th chunk a "restarted worker": plan and cursor come back from payloads only.
      cursor = roundTrip(chunk.next(), ChunkCursor.class);
      if (chunks % 10 == 0) {
        reader = new ChunkReader(opener(), roundTrip(plan, ImportPlan.class));
      }
    }
    assertThat(rowsCovered).isEqualTo(ROWS);
    assertThat(chunks).isGreaterThan(ROWS / 1_000);
    assertThat(new HashSet<>(seen)).hasSize(seen.size()).isEqualTo(expected);
  }

  @Test
  void duplicateDetectionMemoryStaysBoundedPerRow() throws IOException {
    Path csv = dir.resolve("big.csv");
    writeBigFile(csv);
    ColumnMapping mapping =
        ColumnMapping.of(List.of("email", "first_name", "note"), Map.of(), false);
    RowValidator validator = RowValidator.forPlanning(mapping, 8192);
    try (OpenedSource opened = opener().open(ImportSource.file(csv), 0);
        CsvRowReader reader = CsvRowReader.open(opened.stream(), CsvFormat.defaults())) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        validator.check(r);
      }
    }
    assertThat(validator.duplicateMemoryBytes()).isLessThanOrEqualTo(64L * ROWS);
    assertThat(validator.duplicateRows().cardinality()).isEqualTo(ROWS / 1000);
  }

  @Test
  void aRecordedChunkReadsAgainIdentically() throws IOException {
    Path csv = dir.resolve("small.csv");
    Files.writeString(
        csv, "email,note\na@example.com,\"x\ny\"\nbad,z\nb@example.com,w\nc@example.com,v\n");
    ImportPlan plan = plan(csv);
    ChunkReader reader = new ChunkReader(opener(), plan);
    Chunk first = reader.nextChunk(plan.firstChunk(), 3, 1 << 20);
    assertThat(first.rows())
        .extracting(ImportRow::email, ImportRow::line)
        .containsExactly(
            RowValidatorTest.tuple("a@example.com", 2), RowValidatorTest.tuple("b@example.com", 5));
    assertThat(first.invalidRows()).isEqualTo(1);
    assertThat(first.next()).isEqualTo(new ChunkCursor(first.next().byteOffset(), 6, 3, 0));
    Chunk replayed = reader.nextChunk(first.chunk(), 1, 1);
    assertThat(replayed).isEqualTo(first);
    Chunk rest = reader.nextChunk(first.next(), 3, 1 << 20);
    assertThat(rest.rows()).extracting(ImportRow::email).containsExactly("c@example.com");
    assertThat(rest.last()).isTrue();
  }

  @Test
  void byteLimitCutsAChunkBeforeTheRowThatWouldExceedIt() throws IOException {
    Path csv = dir.resolve("bytes.csv");
    Files.writeString(csv, "email\na@example.com\nb@example.com\nc@example.com\n");
    ImportPlan plan = plan(csv);
    Chunk chunk = new ChunkReader(opener(), plan).nextChunk(plan.firstChunk(), 100, 30);
    assertThat(chunk.rows())
        .extracting(ImportRow::email)
        .containsExactly("a@example.com", "b@example.com");
    assertThat(chunk.last()).isFalse();
    assertThat(chunk.next().lineNumber()).isEqualTo(4);
  }

  @Test
  void aSourceChangedAfterPlanningIsRefused() throws IOException {
    Path csv = dir.resolve("changing.csv");
    Files.writeString(csv, "email\na@example.com\n");
    ImportPlan plan = plan(csv);
    Files.writeString(csv, "email\nz@example.com\nb@example.com\n");
    assertThatThrownBy(() -> new ChunkReader(opener(), plan).nextChunk(plan.firstChunk(), 10, 1000))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_CHANGED));
  }

  private ImportPlan plan(Path csv) {
    return new ImportPlanner(opener())
        .plan(
            ImportSource.file(csv),
            ImportOptions.defaults(),
            new ImportStore(dir.resolve("store")),
            "test");
  }

  /**
   * Row i (line i + 2): user-i, except every 777th is an invalid email and every 1000th repeats the
   * previous row's email in upper case; every 50th has a quoted two-line note.
   */
  private static Set<String> writeBigFile(Path csv) throws IOException {
    Set<String> valid = new HashSet<>();
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("\uFEFFemail,first_name,note\r\n");
      for (int i = 0; i < ROWS; i++) {
        String email = "user" + i + "@example.com";
        if (i % 1000 == 999) {
          email = ("user" + (i - 1) + "@example.com").toUpperCase(Locale.ROOT);
        } else if (i % 777 == 0) {
          email = "user" + i + "-at-example.com";
        } else {
          valid.add(email);
        }
        String note = i % 50 == 0 ? "\"line one\nline \"\"two\"\"\"" : "n" + i;
        out.write(email + ",Name" + i + "," + note + "\r\n");
      }
    }
    return valid;
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    Payload payload = PAYLOADS.toPayload(value).orElseThrow();
    return PAYLOADS.fromPayload(payload, type, type);
  }
}
