package dev.roster.starter;

import dev.roster.starter.cli.RosterCommand;

/** The {@code roster} command. */
public final class Main {

  // gRPC logs through java.util.logging; keep its shutdown chatter off the terminal. Held in a
  // field because JUL keeps loggers weakly.
  private static final java.util.logging.Logger GRPC_JUL =
      java.util.logging.Logger.getLogger("io.grpc");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this). */
  public static int run(String... args) {
    GRPC_JUL.setLevel(java.util.logging.Level.SEVERE);
    String problem = LogSettings.apply(System.getenv(), args.length > 0 && isServerRole(args[0]));
    if (problem != null) {
      System.err.println("roster: " + problem);
      return 2;
    }
    return RosterCommand.commandLine().execute(args);
  }

  private static boolean isServerRole(String command) {
    return command.equals("dev") || command.equals("worker") || command.equals("serve");
  }

  private Main() {}
}
