package dev.roster.starter.cli;

import com.google.inject.Injector;
import dev.roster.starter.http.HttpModule;
import dev.roster.starter.http.HttpService;
import dev.roster.starter.local.SubjectKeyModule;
import dev.roster.worker.Assembly;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.temporal.TemporalModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the HTTP service only (for deployment): health, the ServiceNow",
      "webhook, and the codec server for the Temporal Web UI and CLI",
      "(http.codec).",
      "",
      "It needs temporal.payloadKeys (the key ring that encrypts payloads)",
      "and the subject key."
    },
    footer = {"", "Example:", "  TEMPORAL_ADDRESS=temporal:7233 roster serve --config roster.yaml"})
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    RosterConfig loaded = config.load(env);
    Injector injector =
        Assembly.of(
            List.of(
                new ConfigModule(loaded, env),
                new MetricsModule(),
                new TemporalModule(loaded.temporal(), env),
                SubjectKeyModule.required(),
                new HttpModule(loaded, loaded.http().port(), Optional.empty())));
    HttpService http = Assembly.instance(injector, HttpService.class);
    System.out.println("Roster HTTP service on " + http.describe(loaded.http().bind()));
    if (loaded.http().codec().isPresent()) {
      System.out.println(
          "Codec server for the Web UI and the temporal CLI: http://"
              + loaded.http().bind()
              + ":"
              + http.port()
              + "/codec");
    }
    Blocking.untilShutdown(http, HttpModule.callers(injector));
    return 0;
  }
}
