package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is unusable. The message starts with the source name (a file name or an
 * environment variable) and lists every problem found, one per line, each naming its key path and
 * what is expected. Messages never contain secret values.
 */
public final class ConfigException extends RuntimeException {
  private final String source;
  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super(format(requireNonNull(source, "source is null"), problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String source, String problem) {
    this(source, List.of(problem));
  }

  /** Where the configuration came from, e.g. {@code roster.yaml}. */
  public String source() {
    return source;
  }

  /** Each problem, without the source prefix, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
  }
}
