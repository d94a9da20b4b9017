package dev.roster.starter.cli;

import dev.roster.starter.http.HttpService;
import dev.roster.starter.http.WebhookSetup;
import dev.roster.starter.local.SubjectKeys;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP service only (for deployment): health and the ServiceNow webhook.",
    footer = {"", "Example:", "  TEMPORAL_ADDRESS=temporal:7233 roster serve --config roster.yaml"})
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    RosterConfig loaded = config.load(System.getenv());
    TemporalConnection connection =
        TemporalConnection.openForCallers(
            loaded.temporal(), System.getenv(), HttpService.TEMPORAL_PATIENCE);
    HttpService http =
        HttpService.start(
            loaded.http().bind(),
            loaded.http().port(),
            connection.client(),
            WebhookSetup.fromConfig(
                loaded,
                System.getenv(),
                connection.client(),
                SubjectKeys.required(loaded, System.getenv()),
                null));
    System.out.println(
        "Roster HTTP service on http://" + loaded.http().bind() + ":" + http.port() + "/healthz");
    Blocking.untilShutdown(http, connection);
    return 0;
  }
}
