package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChangeCommandTest {

  private static ChangeAccessRequest parse(String... args) {
    ChangeCommand command = new ChangeCommand();
    new CommandLine(command).parseArgs(args);
    return command.request();
  }

  @Test
  void roleAndListChangesBelongToTheAccountTheyFollow() {
    ChangeAccessRequest request =
        parse(
            "ada@example.com",
            "--account",
            "brevo-main",
            "--role",
            "admin",
            "--list",
            "+2",
            "--list",
            "-7",
            "--account",
            "listmonk-main",
            "--list=-3",
            "--remove-account",
            "mailjet-main",
            "--ticket",
            "RITM0010003",
            "--requested-by",
            "carol");

    assertThat(request.changes())
        .containsExactly(
            new AccessChange("brevo-main", "admin", List.of("2"), List.of("7")),
            new AccessChange("listmonk-main", null, List.of(), List.of("3")));
    assertThat(request.removeAccounts()).containsExactly("mailjet-main");
    assertThat(request.addAccounts()).isEmpty();
    assertThat(request.ticket()).isEqualTo("RITM0010003");
    assertThat(request.requestedBy()).isEqualTo("carol");
  }
}
