package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.SearchAttributeSetup;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description = {
      "Prepare a Temporal namespace for Roster: register its search attributes",
      "(RosterOperation, RosterTicket, RosterSubject, RosterPhase, RosterVendors)",
      "through the operator API. Safe to run again: it adds only what is missing",
      "and says what it found. Roster creates no schedules yet.",
      "",
      "Run it once per namespace before the first worker starts; `roster dev`",
      "and `roster demo` register them on their embedded server themselves."
    },
    footer = {
      "",
      "Example:",
      "  TEMPORAL_ADDRESS=temporal:7233 TEMPORAL_NAMESPACE=roster \\",
      "    roster setup --config /etc/roster/roster.yaml --wait 2m"
    })
public final class SetupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description = {
        "Keep trying while Temporal does not answer yet, up to this long",
        "(e.g. 2m, as a container started beside the server). Default: 0s"
      },
      converter = DurationConverter.class)
  Duration wait = Duration.ZERO;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    RosterConfig config = temporal.load();
    String namespace = config.temporal().namespace();
    try (TemporalConnection connection = temporal.connect(config)) {
      OperatorServiceStubs operator = connection.operator();
      try {
        SearchAttributeSetup.Report report = registerWhenUp(operator, namespace);
        out.println(
            "Temporal at "
                + connection.target()
                + ", namespace "
                + namespace
                + ": search attributes");
        report
            .added()
            .forEach((name, type) -> out.println("  added    " + name + " (" + type + ")"));
        report
            .present()
            .forEach((name, type) -> out.println("  present  " + name + " (" + type + ")"));
        out.println(
            report.added().isEmpty()
                ? "Nothing to do: the namespace was ready for Roster."
                : "Done: " + report.added().size() + " added; workers can start.");
        return 0;
      } finally {
        operator.shutdownNow();
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
        throw new UsageError(
            "Temporal refused to add search attributes ("
                + e.getStatus().getDescription()
                + "); on Temporal Cloud add them with tcld or the Cloud UI: "
                + listed());
      }
      throw Workflows.unreachable(e);
    }
  }

  private SearchAttributeSetup.Report registerWhenUp(
      OperatorServiceStubs operator, String namespace) throws InterruptedException {
    Instant until = Instant.now().plus(wait);
    while (true) {
      try {
        return new SearchAttributeSetup(operator).register(namespace);
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        boolean down = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
        boolean unknownNamespace = code == Status.Code.NOT_FOUND;
        if (!(down || unknownNamespace) || Instant.now().isAfter(until)) {
          if (unknownNamespace) {
            throw new UsageError(
                "namespace "
                    + namespace
                    + " does not exist on this Temporal server ("
                    + e.getStatus().getDescription()
                    + "); create it, or set temporal.namespace / TEMPORAL_NAMESPACE");
          }
          throw e;
        }
        spec.commandLine()
            .getErr()
            .println("roster setup: Temporal not ready (" + code + "), trying again in 2s");
        Thread.sleep(2000);
      }
    }
  }

  /** {@code RosterOperation Keyword, ...}: what to add by hand where the API refuses. */
  private static String listed() {
    return new TreeMap<>(RosterSearchAttributes.ALL)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + SearchAttributeSetup.typeName(e.getValue()))
            .collect(Collectors.joining(", "));
  }
}
