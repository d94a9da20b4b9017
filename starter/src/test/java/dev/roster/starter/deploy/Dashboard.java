package dev.roster.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard {@code deploy/grafana/roster.json}: its panels by row and the metric and
 * label names its PromQL queries use, checked against a real {@code /metrics} scrape.
 */
public final class Dashboard {
  /**
   * The lifecycle series, in a row of their own: what waits for a person or an invitee (read from
   * Temporal, the same on every worker, so the dashboard takes their {@code max}) and the import
   * and webhook counters.
   */
  static final Set<String> LIFECYCLE =
      Set.of(
          "roster_invitations_pending",
          "roster_approvals_waiting",
          "roster_manual_tasks_waiting",
          "roster_import_rows_total",
          "roster_webhook_deliveries_total");

  /**
   * Counters that appear only once their event happened (an import's finished job, a webhook
   * request), which an onboarding scrape has not seen; BulkImportTest and the webhook metrics test
   * scrape them.
   */
  static final Set<String> AFTER_EVENTS =
      Set.of("roster_import_rows_total", "roster_webhook_deliveries_total");

  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
  private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
  private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");
  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? ");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  final JsonNode json;

  Dashboard() {
    Path file = new DeployTree().deploy.resolve("grafana").resolve("roster.json");
    try {
      json = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Panel titles' queries by row title, in order (the dashboard's rows are not collapsed). */
  Map<String, Map<String, List<String>>> rows() {
    Map<String, Map<String, List<String>>> rows = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    for (JsonNode panel : json.get("panels")) {
      if (panel.get("type").asText().equals("row")) {
        current = new LinkedHashMap<>();
        rows.put(panel.get("title").asText(), current);
        continue;
      }
      List<String> queries = new ArrayList<>();
      panel.get("targets").forEach(t -> queries.add(t.get("expr").asText()));
      assertThat(current).as("panel " + panel.get("title") + " is in a row").isNotNull();
      current.put(panel.get("title").asText(), queries);
    }
    return rows;
  }

  List<String> queries() {
    return rows().values().stream()
        .flatMap(r -> r.values().stream())
        .flatMap(List::stream)
        .toList();
  }

  /** The metric names {@code query} reads: identifiers that are not functions, labels or ranges. */
  static Set<String> metrics(String query) {
    String bare = SELECTOR.matcher(GROUPING.matcher(query).replaceAll(" ")).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (m.group(2) == null) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The labels {@code query} groups by ({@code le} included). */
  static Set<String> groupedBy(String query) {
    Set<String> labels = new TreeSet<>();
    Matcher m = GROUPING.matcher(query);
    while (m.find()) {
      for (String label : m.group(1).split(",")) {
        labels.add(label.strip());
      }
    }
    return labels;
  }

  /**
   * Fails unless every metric the dashboard reads, but for {@link #AFTER_EVENTS}, is in {@code
   * scrape} (Prometheus text), and every label a query groups by is on a series of its metrics.
   */
  public static void assertEveryQueryFindsItsSeries(String scrape) {
    Map<String, Set<String>> labels = new HashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher series = SERIES.matcher(line);
      if (!line.startsWith("#") && series.find()) {
        Set<String> names = labels.computeIfAbsent(series.group(1), n -> new TreeSet<>());
        Matcher label = LABEL.matcher(series.group(2) == null ? "" : series.group(2));
        while (label.find()) {
          names.add(label.group(1));
        }
      }
    }
    List<String> queries = new Dashboard().queries();
    assertThat(queries).isNotEmpty();
    for (String query : queries) {
      Set<String> metrics = metrics(query);
      assertThat(metrics).as(query).isNotEmpty();
      if (metrics.stream().anyMatch(AFTER_EVENTS::contains)) {
        continue;
      }
      assertThat(labels.keySet()).as("metrics of " + query).containsAll(metrics);
      Set<String> available = new TreeSet<>();
      metrics.forEach(m -> available.addAll(labels.get(m)));
      assertThat(available).as("labels of " + query).containsAll(groupedBy(query));
    }
  }
}
