package dev.roster.worker.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.roster.workflows.request.Emails;

/**
 * Masks every email address in a log message ({@code ada@example.com} -> {@code a***@example.com}),
 * including ones a library logs. The last line of defence: Roster's own code masks before logging.
 * Configured as {@code %maskedMsg} in every logback file Roster ships.
 */
public final class MaskingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Emails.maskAll(super.convert(event));
  }
}
