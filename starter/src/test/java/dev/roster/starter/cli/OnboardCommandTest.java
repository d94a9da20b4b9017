package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OnboardCommandTest {

  private static OnboardRequest parse(String... args) {
    OnboardCommand command = new OnboardCommand();
    new CommandLine(command).parseArgs(args);
    return command.request();
  }

  @Test
  void roleAndListsBelongToTheAccountTheyFollow() {
    OnboardRequest request =
        parse(
            "ada@example.com",
            "--account",
            "brevo-main",
            "--role",
            "editor",
            "--list",
            "2",
            "--list",
            "7",
            "--account",
            "mailjet-main",
            "--list",
            "10",
            "--account",
            "listmonk-main",
            "--role",
            "viewer",
            "--requested-by",
            "carol");

    assertThat(request.assignments())
        .containsExactly(
            new Assignment("brevo-main", "editor", List.of("2", "7"), null),
            new Assignment("mailjet-main", null, List.of("10"), null),
            new Assignment("listmonk-main", "viewer", List.of(), null));
    assertThat(request.person().email()).isEqualTo("ada@example.com");
    assertThat(request.requestedBy()).isEqualTo("carol");
  }
}
