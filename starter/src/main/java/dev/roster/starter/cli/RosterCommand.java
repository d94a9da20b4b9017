package dev.roster.starter.cli;

import dev.roster.worker.config.ConfigException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command tree. */
@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    version = "roster 0.1.0",
    description = {
      "Durable user-lifecycle automation for email and marketing SaaS vendors, on Temporal.",
      ""
    },
    subcommands = {
      DemoCommand.class,
      DevCommand.class,
      WorkerCommand.class,
      ServeCommand.class,
      SetupCommand.class,
      OnboardCommand.class,
      OffboardCommand.class,
      ChangeCommand.class,
      ImportCommand.class,
      StatusCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      ApprovalsCommand.class,
      TasksCommand.class,
      CompleteTaskCommand.class,
      CancelCommand.class,
      ProbeCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  roster demo            # try it: embedded Temporal + sandboxes",
      "  roster dev             # run everything locally until Ctrl-C",
      "  roster onboard ada@example.com --account brevo-main --list 2 --wait",
      "  roster status onboard-RITM0010001",
      "  roster approve onboard-RITM0010001 --by bob --comment 'ok'",
      "  roster offboard bob@example.com --erase --plan",
      "  roster cancel offboard-RITM0010002 --by carol --reason 'wrong person'",
      "",
      "Configuration: ./roster.yaml or --config PATH (see roster.example.yaml)."
    })
public final class RosterCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  /** The command line with Roster's error handling: one line, no stack trace, non-zero exit. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RosterCommand());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("roster: " + message(e, commandLine));
          if (System.getenv("ROSTER_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          } else if (!(e instanceof UsageError || e instanceof ConfigException || unreachable(e))) {
            commandLine.getErr().println("(set ROSTER_DEBUG=1 for the stack trace)");
          }
          return e instanceof UsageError || e instanceof ConfigException ? 2 : 1;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("roster: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    return cli;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (unreachableCode(t) != null) {
        return true;
      }
    }
    return false;
  }

  /** The gRPC code when {@code t} says Temporal did not answer; null otherwise. */
  private static String unreachableCode(Throwable t) {
    if (t instanceof TemporalUnreachable u) {
      return u.code();
    }
    if (t instanceof StatusRuntimeException s
        && (s.getStatus().getCode() == Status.Code.UNAVAILABLE
            || s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
      return s.getStatus().getCode().name();
    }
    return null;
  }

  private static String message(Exception e, CommandLine commandLine) {
    if (e instanceof ConfigException || e instanceof UsageError) {
      return e.getMessage();
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String code = unreachableCode(t);
      if (code != null) {
        Object temporal =
            commandLine.getCommandSpec().mixins().containsKey("temporal")
                ? commandLine.getCommandSpec().mixins().get("temporal").userObject()
                : null;
        return temporal instanceof TemporalClientOptions options
            ? options.unreachable(code)
            : "cannot reach Temporal (" + code + ")";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e ? text : text + " (" + root.getClass().getSimpleName() + ")";
  }
}
