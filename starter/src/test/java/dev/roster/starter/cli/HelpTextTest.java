package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help reads as written: picocli wraps a line longer than its 80-column width at
 * any space, which strands words on lines of their own, so no line of a description or footer may
 * be longer than that; and every command shows at least one example.
 */
class HelpTextTest {
  private static final int WIDTH = 80;

  @Test
  void noHelpLineIsWrappedByPicocli() {
    List<String> tooLong = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      CommandLine.Model.UsageMessageSpec usage = e.getValue().getCommandSpec().usageMessage();
      List<String> lines = new ArrayList<>(List.of(usage.description()));
      lines.addAll(List.of(usage.footer()));
      for (String line : lines) {
        if (line.length() >= WIDTH) {
          tooLong.add(e.getKey() + ": " + line);
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  @Test
  void everyCommandShowsAnExample() {
    List<String> without = new ArrayList<>();
    commands()
        .forEach(
            (name, cl) -> {
              String help = cl.getUsageMessage();
              if (!help.contains("roster " + name)) {
                without.add(name);
              }
            });
    assertThat(without).isEmpty();
  }

  private static Map<String, CommandLine> commands() {
    return RosterCommand.commandLine().getSubcommands();
  }
}
