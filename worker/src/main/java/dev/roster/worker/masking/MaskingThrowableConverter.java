package dev.roster.worker.masking;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.roster.workflows.request.Emails;

/**
 * Masks every email address in a logged exception: its message, its causes' and the suppressed
 * ones', as the stack trace prints them (a vendor error or a CSV line that quotes an address).
 * Configured as {@code %maskedEx} (options as for {@code %ex}, e.g. {@code %maskedEx{short}}) in
 * every logback file Roster ships; a pattern without a throwable converter would get logback's
 * unmasked default appended.
 */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Emails.maskAll(super.convert(event));
  }
}
