package dev.roster.starter.cli;

import dev.roster.worker.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A command-line duration in the configuration's forms (30s, 2m, PT2M); negative refused. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration d =
        Durations.parse(value)
            .orElseThrow(
                () ->
                    new TypeConversionException(
                        "expected " + Durations.FORMS + ", got '" + value + "'"));
    if (d.isNegative()) {
      throw new TypeConversionException("expected a duration of 0s or more, got '" + value + "'");
    }
    return d;
  }
}
