package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload records serialise to exactly their components and read back equal. */
class PayloadJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void importSourcesCarryATypeAndNothingElse() throws Exception {
    assertThat(properties(ImportSource.https("https://x.example/a.csv?t=1")))
        .containsExactly("type", "url");
    assertThat(properties(ImportSource.servicenowAttachment("incident", "abc", "def")))
        .containsExactly("type", "table", "sysId", "attachmentSysId");
    ImportSource file = ImportSource.file(Path.of("/data/in.csv"));
    assertThat(json.readValue(json.writeValueAsString(file), ImportSource.class)).isEqualTo(file);
  }

  @Test
  void rowsCursorsAndOptionsHaveOnlyTheirComponents() throws Exception {
    ImportRow row =
        new ImportRow(7, "a@example.com", "A", null, List.of("1"), "viewer", Map.of("k", "v"));
    assertThat(properties(row)).containsExactlyElementsOf(components(ImportRow.class));
    assertThat(properties(new ChunkCursor(10, 2, 0, 5)))
        .containsExactlyElementsOf(components(ChunkCursor.class));
    assertThat(properties(ImportOptions.defaults()))
        .containsExactlyElementsOf(components(ImportOptions.class));
    assertThat(json.readValue(json.writeValueAsString(row), ImportRow.class)).isEqualTo(row);
  }

  @Test
  void plansReportsAndChunksHaveOnlyTheirComponents() throws Exception {
    DryRunReport report =
        new DryRunReport(
            "file:/in.csv",
            2,
            1,
            1,
            Map.of(RowProblem.INVALID_EMAIL, 1L),
            0,
            List.of("notes"),
            List.of(new ProblemSample(3, RowProblem.INVALID_EMAIL, "email is empty", "")),
            "/in.failures.csv");
    ImportPlan plan =
        new ImportPlan(
            ImportSource.file(Path.of("/in.csv")),
            "12-34",
            ',',
            List.of("email", "notes"),
            ImportOptions.defaults(),
            new ChunkCursor(7, 2, 0, 0),
            "",
            report);
    Chunk chunk =
        new Chunk(new ChunkCursor(7, 2, 0, 2), List.of(), 2, new ChunkCursor(30, 4, 2, 0), true);
    assertThat(properties(report)).containsExactlyElementsOf(components(DryRunReport.class));
    assertThat(properties(plan)).containsExactlyElementsOf(components(ImportPlan.class));
    assertThat(properties(chunk)).containsExactlyElementsOf(components(Chunk.class));
    assertThat(json.readValue(json.writeValueAsString(plan), ImportPlan.class)).isEqualTo(plan);
  }

  private List<String> properties(Object value) throws Exception {
    JsonNode node = json.readTree(json.writeValueAsString(value));
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> components(Class<?> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
