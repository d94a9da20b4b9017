package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong ROSTER_LOG_FORMAT or ROSTER_LOG_LEVEL is named with what it may be, before any log. */
class LogSettingsTest {
  @Test
  void badValuesAreNamedWithTheAcceptedOnes() {
    assertThat(LogSettings.apply(Map.of("ROSTER_LOG_FORMAT", "xml"), false))
        .isEqualTo("ROSTER_LOG_FORMAT must be text or json, got 'xml'");
    assertThat(LogSettings.apply(Map.of("ROSTER_LOG_LEVEL", "loud"), false))
        .isEqualTo(
            "ROSTER_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'loud'");
  }

  @Test
  void goodValuesAreAcceptedInAnyCase() {
    assertThat(
            LogSettings.apply(
                Map.of("ROSTER_LOG_FORMAT", "JSON", "ROSTER_LOG_LEVEL", "debug"), false))
        .isNull();
  }
}
