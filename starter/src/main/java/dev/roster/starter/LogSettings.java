package dev.roster.starter;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the process logs, from the environment, applied before Logback starts (logback.xml reads the
 * system properties): {@code ROSTER_LOG_FORMAT} ({@code text}, the default, or {@code json}) and
 * {@code ROSTER_LOG_LEVEL} (TRACE, DEBUG, INFO, WARN, ERROR or OFF; default INFO for the
 * long-running roles, WARN for one-shot commands, which keep stderr for errors).
 */
public final class LogSettings {
  public static final String FORMAT = "ROSTER_LOG_FORMAT";
  public static final String LEVEL = "ROSTER_LOG_LEVEL";
  private static final Set<String> FORMATS = Set.of("text", "json");
  private static final Set<String> LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /**
   * Sets {@code roster.log.format} and {@code roster.log.level} unless already set.
   *
   * @return what is wrong with the environment's values, or null
   */
  static String apply(Map<String, String> env, boolean serverRole) {
    String format = env.getOrDefault(FORMAT, "").strip().toLowerCase(Locale.ROOT);
    if (!format.isEmpty() && !FORMATS.contains(format)) {
      return FORMAT + " must be text or json, got '" + env.get(FORMAT) + "'";
    }
    String level = env.getOrDefault(LEVEL, "").strip().toUpperCase(Locale.ROOT);
    if (!level.isEmpty() && !LEVELS.contains(level)) {
      return LEVEL
          + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '"
          + env.get(LEVEL)
          + "'";
    }
    if (!format.isEmpty() && System.getProperty("roster.log.format") == null) {
      System.setProperty("roster.log.format", format);
    }
    if (System.getProperty("roster.log.level") == null) {
      if (!level.isEmpty()) {
        System.setProperty("roster.log.level", level);
      } else if (serverRole) {
        System.setProperty("roster.log.level", "INFO");
      }
    }
    return null;
  }

  private LogSettings() {}
}
