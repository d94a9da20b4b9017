package dev.roster.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.starter.LogSettings;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.SecretRef;
import dev.roster.workflows.conventions.TaskQueues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deployment's environment must hold for a roster.yaml, checked through Roster's own config
 * loader: every variable is one the code reads, every credential reference resolves.
 */
final class RosterEnv {
  /** Read by the JVM itself, not by Roster. */
  private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

  private static final List<String> LOGGING = List.of(LogSettings.FORMAT, LogSettings.LEVEL);

  private RosterEnv() {}

  /** The roster.yaml as the role loads it, with {@code env} applied. */
  static RosterConfig load(String yaml, String source, Map<String, String> env) {
    return ConfigLoader.parse(yaml, source, env);
  }

  /** Every {@code {env: NAME}} in the YAML text. */
  static Set<String> references(String yaml, String source) {
    Set<String> names = new TreeSet<>();
    collect(StrictYaml.tree(yaml, source), names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isObject() && node.size() == 1 && node.path("env").isTextual()) {
      names.add(node.get("env").asText());
    }
    node.forEach(child -> collect(child, names));
  }

  /** Fails unless Roster reads each variable of {@code env} with this roster.yaml. */
  static void assertAllRead(Map<String, String> env, String yaml, String source) {
    Set<String> references = references(yaml, source);
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ConfigLoader.OVERRIDE_PREFIX)) {
            // The loader rejects a generic override naming no key, saying which.
            assertThatCode(() -> load(yaml, source, Map.of(name, value)))
                .as(source + ": " + name)
                .doesNotThrowAnyException();
            return;
          }
          assertThat(
                  references.contains(name)
                      || ConfigLoader.OVERRIDE_VARIABLES.contains(name)
                      || LOGGING.contains(name)
                      || JVM.contains(name))
              .as(source + ": environment variable " + name + " is not one Roster reads")
              .isTrue();
        });
  }

  /** Fails unless every credential the worker role needs resolves from {@code env}. */
  static void assertWorkerCredentials(RosterConfig config, Map<String, String> env, String where) {
    assertThat(config.missingCredentials(env)).as(where).isEmpty();
    assertShared(config, env, where);
  }

  /** Fails unless every credential the HTTP role needs resolves from {@code env}. */
  static void assertHttpCredentials(RosterConfig config, Map<String, String> env, String where) {
    assertShared(config, env, where);
    config
        .http()
        .codec()
        .ifPresent(codec -> codec.tokens().values().forEach(t -> assertResolves(t, env, where)));
  }

  private static void assertShared(RosterConfig config, Map<String, String> env, String where) {
    assertResolves(config.subjectKey(), env, where);
    assertThat(config.temporal().payloadKeys()).as(where + ": temporal.payloadKeys").isPresent();
    config
        .temporal()
        .payloadKeys()
        .get()
        .keys()
        .values()
        .forEach(k -> assertResolves(k, env, where));
  }

  private static void assertResolves(SecretRef ref, Map<String, String> env, String where) {
    assertThat(ref.problem(env)).as(where + ": " + ref.keyPath()).isEmpty();
  }

  /** The task queues a worker with this configuration polls. */
  static Set<String> taskQueues(RosterConfig config) {
    Set<String> queues = new TreeSet<>(List.of(TaskQueues.ROSTER));
    config
        .accounts()
        .values()
        .forEach(
            a -> a.type().families().forEach(f -> queues.add(TaskQueues.activityQueue(a.id(), f))));
    if (config.servicenow().enabled()) {
      queues.add(TaskQueues.SERVICENOW);
    }
    return queues;
  }

  /** {@code env} with {@code more} merged by name, as a strategic-merge patch does. */
  static Map<String, String> merged(Map<String, String> env, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putAll(more);
    return all;
  }
}
