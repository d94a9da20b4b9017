package dev.roster.starter.cli;

import dev.roster.starter.local.DevRecord;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.RosterConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run Temporal, the worker, the HTTP service and sandboxes locally until Ctrl-C.",
      "",
      "Starts the embedded Temporal server (unless TEMPORAL_ADDRESS is set), the",
      "worker, the HTTP service, and a sandbox fake for every account without",
      "credentials. It records where it listens in ./" + DevRecord.FILE_NAME,
      "(owner-only, removed on exit), so the other commands run from the same",
      "directory find it without flags. Without temporal.payloadKeys it encrypts",
      "payloads with an ephemeral key, recorded there too."
    },
    footer = {
      "",
      "Examples:",
      "  roster dev",
      "  roster dev --config roster.yaml --temporal-port 7300",
      "  roster dev --accept-after 5s      # sandbox invitations accepted sooner",
      "Then, in another terminal in the same directory (no flags needed):",
      "  roster onboard ada@example.com --account brevo-main --list 2 --wait",
      "  roster status ada@example.com"
    })
public final class DevCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Mixin LocalOptions local;

  @Option(
      names = "--accept-after",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long a sandbox invitation stays pending before the sandbox person accepts it"
              + " (default: ${DEFAULT-VALUE}; e.g. 5s, 2m).")
  Duration acceptAfter;

  @Override
  public Integer call() {
    RosterConfig loaded = config.load(System.getenv());
    PrintStream out = System.out;
    Path here = Path.of("").toAbsolutePath();
    Optional<DevRecord.Found> other = DevRecord.find(here, System.getenv());
    if (other.isPresent()) {
      throw new UsageError(
          "another roster dev (pid "
              + other.get().record().pid()
              + ") already serves "
              + other.get().record().temporal()
              + " for this directory ("
              + other.get().file()
              + "); stop it first, or run from another directory");
    }
    if (config.usesBuiltIn()) {
      out.println(
          "No ./roster.yaml: using the built-in configuration (sandbox Brevo account brevo-main).");
    }
    LocalStack stack =
        LocalStack.start(
            loaded,
            System.getenv(),
            new LocalStack.Options(local.temporalPort, local.httpPort, acceptAfter),
            out);
    out.println(
        "Roster dev is running. Sandbox invitations are accepted "
            + acceptAfter.toSeconds()
            + " s after they are sent, or at once with:");
    out.println(
        "  curl -X POST <sandbox URL without its /v3 or /v1>/_sandbox/invitations/EMAIL/accept");
    out.println("Try: ./roster onboard ada@example.com --account brevo-main --list 2 --wait");
    DevRecord.Written record =
        DevRecord.of(
                stack.connection().target(),
                loaded.temporal().namespace(),
                "http://127.0.0.1:" + stack.httpPort(),
                stack.ephemeralPayloadKey())
            .withSubjectKey(stack.subjects().ephemeral())
            .write(here, System.getenv());
    out.println(
        "Other roster commands run from this directory find it through "
            + record.file()
            + " (removed on exit).");
    out.println("Press Ctrl-C to stop.");
    Blocking.untilShutdown(record, stack);
    return 0;
  }
}
