package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingMessageConverterTest {

  @Test
  void masksEveryAddressAndKeepsKeysAndPaths() {
    String masked =
        MaskingMessageConverter.mask(
            "invited email=ada.lovelace+x@example.com path=/v3/contacts/grace@example.org done");
    assertThat(masked)
        .isEqualTo("invited email=a***@example.com path=/v3/contacts/g***@example.org done");
  }

  @Test
  void leavesAlreadyMaskedAddressesAlone() {
    assertThat(MaskingMessageConverter.mask("email=a***@example.com"))
        .isEqualTo("email=a***@example.com");
  }

  @Test
  void leavesMessagesWithoutAddressesAlone() {
    assertThat(MaskingMessageConverter.mask("no address here")).isEqualTo("no address here");
  }
}
