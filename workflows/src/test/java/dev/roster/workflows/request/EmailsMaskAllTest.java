package dev.roster.workflows.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailsMaskAllTest {

  @Test
  void masksEveryAddressAndKeepsKeysAndPaths() {
    String masked =
        Emails.maskAll(
            "invited email=ada.lovelace+x@example.com path=/v3/contacts/grace@example.org done");
    assertThat(masked)
        .isEqualTo("invited email=a***@example.com path=/v3/contacts/g***@example.org done");
  }

  @Test
  void masksACsvLineQuotedInAMessage() {
    assertThat(Emails.maskAll("line 1: ada@example.com, Ada, Lovelace"))
        .isEqualTo("line 1: a***@example.com, Ada, Lovelace");
  }

  @Test
  void leavesAlreadyMaskedAddressesAlone() {
    assertThat(Emails.maskAll("email=a***@example.com")).isEqualTo("email=a***@example.com");
  }

  @Test
  void leavesMessagesWithoutAddressesAloneAndNullAsNull() {
    assertThat(Emails.maskAll("no address here")).isEqualTo("no address here");
    assertThat(Emails.maskAll(null)).isNull();
  }
}
