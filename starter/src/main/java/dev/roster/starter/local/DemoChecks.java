package dev.roster.starter.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The demo's checks of end states: printed one per line, remembered when they fail. */
final class DemoChecks {
  private final PrintStream out;
  private final List<String> failures = new ArrayList<>();

  DemoChecks(PrintStream out) {
    this.out = out;
  }

  void check(String what, boolean holds) {
    out.println((holds ? "  ok    " : "  FAIL  ") + what);
    if (!holds) {
      failures.add(what);
    }
  }

  List<String> failures() {
    return List.copyOf(failures);
  }
}
