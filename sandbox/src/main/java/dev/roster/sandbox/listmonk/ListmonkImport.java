package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one import session of an instance ({@code /api/import/subscribers*}, cmd/import.go). There is
 * no job id; a second start while one runs is refused. The fake runs an import across status polls:
 * the {@code importPolls}-th GET of the status finds it finished (or failed).
 */
final class ListmonkImport {
  static final String ALREADY_RUNNING =
      "An import is already running. Wait for it to finish or stop it before trying again.";

  private record Row(String email, String name, Map<String, Object> attribs) {}

  private final ListmonkSubscribers subscribers;
  private final int importPolls;
  private String status = "none";
  private String name = "";
  private int total;
  private int imported;
  private int pollsLeft;
  private ImportParams params;
  private List<List<String>> rows = List.of();
  private final StringBuilder log = new StringBuilder();

  ListmonkImport(ListmonkSubscribers subscribers, int importPolls) {
    this.subscribers = subscribers;
    this.importPolls = importPolls;
  }

  synchronized FakeResponse start(FakeRequest request) {
    if (status.equals("importing")) {
      throw ListmonkError.invalid(ALREADY_RUNNING);
    }
    Map<String, MultipartForm.Part> form =
        MultipartForm.parse(request.header("Content-Type"), request.body());
    MultipartForm.Part paramsPart = form.get("params");
    MultipartForm.Part file = form.get("file");
    if (paramsPart == null) {
      throw ListmonkError.invalid("Invalid params: missing params");
    }
    if (file == null || file.content().length == 0) {
      throw ListmonkError.invalid("Invalid file: missing file");
    }
    JsonNode paramsJson;
    try {
      paramsJson = Json.read(paramsPart.content());
    } catch (IOException e) {
      throw ListmonkError.invalid("Invalid params: " + e.getClass().getSimpleName());
    }
    params = ImportParams.parse(paramsJson);
    rows = CsvRows.parse(file.text(), params.delim().charAt(0));
    name = file.fileName() == null ? "import.csv" : file.fileName();
    total = Math.max(0, rows.size() - 1);
    imported = 0;
    pollsLeft = importPolls;
    status = "importing";
    log.setLength(0);
    log.append("processing '").append(name).append("'\n");
    return ListmonkWire.ok(statusJson());
  }

  synchronized FakeResponse status(FakeRequest request) {
    if (status.equals("importing") && --pollsLeft <= 0) {
      run();
    }
    return ListmonkWire.ok(statusJson());
  }

  synchronized FakeResponse logs(FakeRequest request) {
    return ListmonkWire.ok(log.toString());
  }

  /** Stops a running import and clears the session, as the UI's "New import" does. */
  synchronized FakeResponse clear(FakeRequest request) {
    status = "none";
    name = "";
    total = 0;
    imported = 0;
    rows = List.of();
    log.setLength(0);
    return ListmonkWire.ok(statusJson());
  }

  synchronized String currentStatus() {
    return status;
  }

  private void run() {
    if (rows.isEmpty()) {
      fail("empty file");
      return;
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> header = rows.get(0);
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.containsKey("email")) {
      fail("CSV headers missing 'email'");
      return;
    }
    List<Row> parsed = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      Row row = row(rows.get(line), columns, line + 1);
      if (row != null) {
        parsed.add(row);
      }
    }
    for (Row row : parsed) {
      if (subscribers.importRow(row.email(), row.name(), row.attribs(), params)) {
        imported++;
      } else {
        log.append("skipping line: invalid email\n");
      }
    }
    status = "finished";
    log.append("imported finished: ").append(imported).append(" of ").append(total).append('\n');
  }

  private Row row(List<String> cells, Map<String, Integer> columns, int line) {
    String email = cell(cells, columns.get("email")).trim();
    String rowName = cell(cells, columns.get("name")).trim();
    String rawAttribs = cell(cells, columns.get("attributes")).trim();
    Map<String, Object> attribs = new LinkedHashMap<>();
    if (!rawAttribs.isEmpty()) {
      try {
        JsonNode node = Json.MAPPER.readTree(rawAttribs);
        if (!(node instanceof ObjectNode)) {
          throw new IOException("not an object");
        }
        node.fields()
            .forEachRemaining(
                e -> attribs.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
      } catch (IOException e) {
        log.append("skipping line ").append(line).append(": invalid attributes JSON\n");
        return null;
      }
    }
    return new Row(email, rowName, attribs);
  }

  private static String cell(List<String> cells, Integer index) {
    return index == null || index >= cells.size() ? "" : cells.get(index);
  }

  private void fail(String why) {
    status = "failed";
    log.append("import failed: ").append(why).append('\n');
  }

  private ObjectNode statusJson() {
    ObjectNode node = Json.object();
    node.put("name", name);
    node.put("total", total);
    node.put("imported", imported);
    node.put("status", status);
    return node;
  }
}
