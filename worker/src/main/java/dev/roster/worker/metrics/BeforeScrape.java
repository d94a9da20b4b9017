package dev.roster.worker.metrics;

/**
 * Work done just before the Prometheus registry is scraped, such as reading the values of gauges
 * whose facts live in Temporal. Contributed to a {@code Multibinder}; the {@code /metrics} route
 * runs every one, and a failure in one never fails the scrape.
 */
public interface BeforeScrape {
  void beforeScrape();
}
