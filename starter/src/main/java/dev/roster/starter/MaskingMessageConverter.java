package dev.roster.starter;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks every email address in a log message ({@code ada@example.com} -> {@code a***@example.com}),
 * including ones a library logs. The last line of defence: Roster's own code masks before logging.
 */
public final class MaskingMessageConverter extends MessageConverter {
  // The local part is matched conservatively (no '=', '/', '*'), so "email=ada@x.org" keeps its key
  // and an address masked already ("a***@x.org") is left as it is.
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

  @Override
  public String convert(ILoggingEvent event) {
    return mask(super.convert(event));
  }

  static String mask(String message) {
    if (message == null || message.indexOf('@') < 0) {
      return message;
    }
    Matcher m = EMAIL.matcher(message);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***" + r.group(2)));
  }
}
