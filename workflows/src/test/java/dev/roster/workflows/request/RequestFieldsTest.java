package dev.roster.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.account.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one definition of roles, tickets, list ids and safe text that every door uses. */
class RequestFieldsTest {

  @Test
  void rolesAreRostersThreeInAnyCase() {
    assertThat(Roles.ALL).containsExactly("viewer", "editor", "admin");
    assertThat(Roles.normalize(" Admin ")).contains("admin");
    assertThat(Roles.isRole("superuser")).isFalse();
    assertThat(Roles.isRole("")).isFalse();
    assertThat(Roles.isRole(null)).isFalse();
    assertThat(Roles.problem("role", "superuser"))
        .isEqualTo("role: 'superuser' is not a Roster role (viewer, editor or admin)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RITM0010001", "INC-42", "a.b_c", "x"})
  void ticketsOfLettersDigitsAndSeparatorsAreValid(String ticket) {
    assertThat(Tickets.isValid(ticket)).isTrue();
    assertThat(Tickets.problem("ticket", ticket)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zed@example.com", "", " RITM1", "RITM/1", "RITM 1", "ü1"})
  void ticketsWithOtherCharactersAreRefusedWithoutEchoingThem(String ticket) {
    assertThat(Tickets.isValid(ticket)).isFalse();
    assertThat(Tickets.problem("ticket", ticket))
        .hasValueSatisfying(p -> assertThat(p).startsWith("ticket: not a ticket number"));
    assertThat(Tickets.problem("ticket", "zed@example.com").orElseThrow())
        .doesNotContain("zed@example.com");
  }

  @Test
  void ticketsAreAtMost64Characters() {
    assertThat(Tickets.isValid("R".repeat(64))).isTrue();
    assertThat(Tickets.isValid("R".repeat(65))).isFalse();
    assertThat(Tickets.problem("ticket", null)).isEmpty();
  }

  @Test
  void listIdsArePositiveNumbersAndAVendorWithoutListsTakesNone() {
    assertThat(ListIds.problems("lists", List.of("2", "99"), null, null)).isEmpty();
    assertThat(ListIds.problems("lists", List.of("abc", "-1", "0", " 2"), null, null))
        .hasSize(4)
        .allSatisfy(p -> assertThat(p).startsWith("lists: '").contains("is not a list id"));
    Capabilities noLists =
        new Capabilities(Capabilities.TeamInvite.INVITATION, false, false, true, true);
    assertThat(ListIds.problems("lists", List.of("2"), noLists, "mailersend"))
        .containsExactly("lists: mailersend has no lists, so an account of it takes no list ids");
  }

  @Test
  void controlAndBidiCharactersAreNamedButLineBreaksMayBeAllowed() {
    assertThat(Texts.unsafeCharacter("carol", false)).isEmpty();
    assertThat(Texts.unsafeCharacter("ca\u0000rol", false))
        .contains("a control character (U+0000)");
    assertThat(Texts.unsafeCharacter("a\u202Eb", false))
        .contains("a bidirectional formatting character (U+202E)");
    assertThat(Texts.unsafeCharacter("a\u2066b", true)).isPresent();
    assertThat(Texts.unsafeCharacter("line\nbreak", false)).isPresent();
    assertThat(Texts.unsafeCharacter("line\nbreak\tand tab", true)).isEmpty();
    assertThat(Texts.unsafeCharacter("a\u0085b", true)).contains("a control character (U+0085)");
    assertThat(Texts.unsafeCharacter("half \uD800 pair", false)).isPresent();
    assertThat(Texts.unsafeCharacter("emoji \uD83D\uDE00 fine", false)).isEmpty();
  }
}
