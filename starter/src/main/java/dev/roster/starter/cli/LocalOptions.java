package dev.roster.starter.cli;

import picocli.CommandLine.Option;

/** Options of the commands that run the local stack. */
public final class LocalOptions {
  @Option(
      names = "--temporal-port",
      paramLabel = "PORT",
      description = "Port of the embedded Temporal server (default: temporal.embeddedPort, 7233).")
  Integer temporalPort;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port of the HTTP service (default: http.port, 8080; 0 = any free port).")
  Integer httpPort;
}
