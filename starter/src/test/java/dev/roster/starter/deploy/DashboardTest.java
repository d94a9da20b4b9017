package dev.roster.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's shape: every panel queries the chosen Prometheus data source, and the lifecycle
 * series are in a row of their own with nothing else. (Whether the other names exist is checked
 * against a real scrape in {@code OpsEndpointsTest}.)
 */
class DashboardTest {
  private final Dashboard dashboard = new Dashboard();

  @Test
  void lifecycleSeriesHaveTheirOwnRow() {
    Map<String, Map<String, List<String>>> rows = dashboard.rows();
    List<String> lifecycle =
        rows.keySet().stream()
            .filter(
                title ->
                    rows.get(title).values().stream()
                        .flatMap(List::stream)
                        .anyMatch(
                            q ->
                                Dashboard.metrics(q).stream()
                                    .anyMatch(Dashboard.LIFECYCLE::contains)))
            .toList();
    assertThat(lifecycle).singleElement();
    Set<String> inRow = new TreeSet<>();
    rows.get(lifecycle.get(0)).values().stream()
        .flatMap(List::stream)
        .forEach(q -> inRow.addAll(Dashboard.metrics(q)));
    assertThat(inRow).isEqualTo(Dashboard.LIFECYCLE);
    assertThat(rows).hasSizeGreaterThan(1);
  }

  @Test
  void everyPanelUsesTheDataSourceVariable() {
    JsonNode variable = dashboard.json.at("/templating/list/0");
    assertThat(variable.get("type").asText()).isEqualTo("datasource");
    assertThat(variable.get("query").asText()).isEqualTo("prometheus");
    String uid = "${" + variable.get("name").asText() + "}";
    for (JsonNode panel : dashboard.json.get("panels")) {
      if (!panel.get("type").asText().equals("row")) {
        assertThat(panel.at("/datasource/uid").asText())
            .as(panel.get("title").asText())
            .isEqualTo(uid);
        panel
            .get("targets")
            .forEach(t -> assertThat(t.at("/datasource/uid").asText()).isEqualTo(uid));
      }
    }
  }

  @Test
  void metricNamesAreReadOutOfQueries() {
    String query =
        "histogram_quantile(0.95, sum by (le, account) (rate(a_seconds_bucket{x=\"y\"}[$__rate_interval])))"
            + " / sum(rate(b_total[5m]))";
    assertThat(Dashboard.metrics(query)).containsExactly("a_seconds_bucket", "b_total");
    assertThat(Dashboard.groupedBy(query)).containsExactly("account", "le");
  }
}
