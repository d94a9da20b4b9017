package dev.roster.worker.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.roster.worker.vendor.Vendors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads roster.yaml into an immutable, validated {@link RosterConfig}. Every problem in the file
 * and in the overriding environment is reported at once, in a {@link ConfigException} whose message
 * starts with the source name and gives one problem per line with its key path.
 *
 * <p>All methods are pure functions of their arguments (plus the file system); none reads {@code
 * System.getenv()} itself, so callers pass it and tests pass a map. Vendor types (names, default
 * base URLs, endpoint families and budgets) come from a {@link VendorTypes} registry: the one the
 * vendor modules of {@link Vendors} make unless a caller passes its own.
 */
public final class ConfigLoader {
  /** Where the CLI looks when no {@code --config} is given. */
  public static final Path DEFAULT_FILE = Path.of("roster.yaml");

  /**
   * The environment variables configuration reads besides credential references ({@code {env:
   * NAME}}): each of these overrides one key, and any variable starting with {@link
   * #OVERRIDE_PREFIX} overrides the key its name spells.
   */
  public static final List<String> OVERRIDE_VARIABLES = EnvOverrides.NAMED;

  /** {@code ROSTER__}: {@code ROSTER__IMPORTS__STORE} overrides {@code imports.store}. */
  public static final String OVERRIDE_PREFIX = EnvOverrides.PREFIX;

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private ConfigLoader() {}

  /**
   * Reads and validates {@code file}, applying overrides from {@code env}. A missing file is an
   * error: use {@link #loadOrDefaults} for the default file, which may be absent.
   *
   * @throws ConfigException naming every problem
   */
  public static RosterConfig load(Path file, Map<String, String> env) {
    return load(file, env, Vendors.types());
  }

  /** As {@link #load(Path, Map)}, knowing the vendor types of {@code types}. */
  public static RosterConfig load(Path file, Map<String, String> env, VendorTypes types) {
    String source = file.toString();
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), source, env, types);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "file does not exist (" + file.toAbsolutePath() + ")");
    } catch (IOException e) {
      throw new ConfigException(source, "cannot read file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Like {@link #load}, but a missing file means "no file": defaults with {@code env} overrides
   * applied. For the default {@code ./roster.yaml}, never for an explicit {@code --config}.
   */
  public static RosterConfig loadOrDefaults(Path file, Map<String, String> env) {
    if (Files.notExists(file)) {
      return parse("", file + " (absent: defaults)", env);
    }
    return load(file, env);
  }

  /**
   * Parses and validates YAML text; {@code sourceName} starts every error message.
   *
   * @throws ConfigException naming every problem, YAML syntax errors with their line
   */
  public static RosterConfig parse(String yaml, String sourceName, Map<String, String> env) {
    return parse(yaml, sourceName, env, Vendors.types());
  }

  /** As {@link #parse(String, String, Map)}, knowing the vendor types of {@code types}. */
  public static RosterConfig parse(
      String yaml, String sourceName, Map<String, String> env, VendorTypes types) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceName, syntaxError(e));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      tree = JsonNodeFactory.instance.objectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(
          sourceName, "expected a mapping at the top level (temporal:, accounts:, ...)");
    }
    ConfigReader reader = new ConfigReader();
    new EnvOverrides(reader, types).apply((ObjectNode) tree, env);
    RosterConfig config = new ConfigBinder(reader, types).bind((ObjectNode) tree);
    List<String> problems = reader.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems);
    }
    return config;
  }

  /** Every default, no accounts, no environment applied. */
  public static RosterConfig defaults() {
    return parse("", "defaults", Map.of());
  }

  /**
   * "line 3, column 7: mapping values are not allowed here". Only the parser's problem is kept, not
   * its quote of the source, which may hold a secret pasted in the wrong place.
   */
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      Mark started = yaml.getContextMark();
      String context =
          yaml.getContext() == null
              ? ""
              : " ("
                  + yaml.getContext()
                  + (started == null ? "" : " at line " + (started.getLine() + 1))
                  + ")";
      return "line %d, column %d: YAML syntax error: %s%s"
          .formatted(mark.getLine() + 1, mark.getColumn() + 1, yaml.getProblem(), context);
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int newline = message.indexOf('\n');
    String problem = newline < 0 ? message : message.substring(0, newline).strip();
    JsonLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return where + "YAML syntax error: " + problem;
  }
}
