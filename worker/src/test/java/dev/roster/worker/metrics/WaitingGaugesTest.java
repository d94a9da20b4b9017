package dev.roster.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitingGaugesTest {
  @Test
  void anApprovalsKindComesFromItsRequestsIdAndIsAlwaysOneOfAFewWords() {
    assertThat(WaitingGauges.kindOf("onboard-RITM0010001")).isEqualTo("onboard");
    assertThat(WaitingGauges.kindOf("onboard-s-0123456789abcdef01234567")).isEqualTo("onboard");
    assertThat(WaitingGauges.kindOf("offboard-RITM0010002")).isEqualTo("offboard");
    assertThat(WaitingGauges.kindOf("import-RITM0010003")).isEqualTo("import");
    assertThat(WaitingGauges.kindOf("change-RITM0010004")).isEqualTo("change");
    // The accounts an access change adds are onboarded by a child of their own.
    assertThat(WaitingGauges.kindOf("change-RITM0010004-onboard")).isEqualTo("onboard");
    // An import's row with a team role is an onboarding of its own.
    assertThat(WaitingGauges.kindOf("import-RITM0010003-invite-42")).isEqualTo("onboard");
    // Anything else (an id typed by hand) never becomes a label of its own.
    assertThat(WaitingGauges.kindOf("ada@example.com")).isEqualTo("other");
    assertThat(WaitingGauges.kindOf("onboarding-ada")).isEqualTo("other");
    assertThat(WaitingGauges.kindOf(null)).isEqualTo("other");
  }
}
