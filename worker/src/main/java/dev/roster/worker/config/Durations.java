package dev.roster.worker.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in roster.yaml and on the command line: 30s, 15m, PT15M. */
public final class Durations {
  /** The accepted forms, for messages. */
  public static final String FORMS = "a duration like 500ms, 30s, 15m, 1h, 3d or PT15M";

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  /** The duration {@code text} names, or empty when it is none of {@link #FORMS}. */
  public static Optional<Duration> parse(String text) {
    String value = text.strip();
    Matcher m = SHORT.matcher(value);
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return Optional.of(
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            });
      }
      return Optional.of(Duration.parse(value));
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Durations() {}
}
