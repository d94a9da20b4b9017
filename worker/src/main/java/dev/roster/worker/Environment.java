package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The process environment as the configuration reads it (credentials by {@code env} reference,
 * overrides): {@code System.getenv()} in production, a map in tests.
 *
 * @param variables name to value
 */
public record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(requireNonNull(variables, "variables is null"));
  }
}
