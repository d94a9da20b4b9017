package dev.roster.starter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's {@code deploy/} directory, found from the working directory upwards (Maven runs
 * tests in the module directory; an IDE may use the repository root), and the Kubernetes manifests
 * under {@code deploy/k8s}, each parsed strictly.
 */
final class DeployTree {
  final Path deploy;

  DeployTree() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy").resolve("k8s"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
    }
    this.deploy = dir.resolve("deploy");
  }

  Path k8s() {
    return deploy.resolve("k8s");
  }

  Path base() {
    return k8s().resolve("base");
  }

  Path overlay() {
    return k8s().resolve("overlays").resolve("example");
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .yaml} file under {@code deploy/k8s}. */
  List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(k8s())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Kustomization kustomization(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    return StrictYaml.as(
        StrictYaml.tree(read(file), file.toString()), Kustomization.class, "" + file);
  }

  /**
   * Every manifest in {@code dir} (not the kustomization, not the files a configMapGenerator reads)
   * by file name: fabric8 objects, or a {@link ScaledObject}.
   */
  Map<String, Object> manifests(Path dir) {
    List<String> generated = kustomization(dir).generatorFiles();
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (Path file : yamlFiles()) {
      String name = file.getFileName().toString();
      if (!file.getParent().equals(dir)
          || name.equals("kustomization.yaml")
          || generated.contains(name)) {
        continue;
      }
      parsed.put(name, manifest(read(file), file.toString()));
    }
    return parsed;
  }

  static Object manifest(String yaml, String source) {
    JsonNode tree = StrictYaml.tree(yaml, source);
    if (tree.path("apiVersion").asText().startsWith("keda.sh/")) {
      return StrictYaml.as(tree, ScaledObject.class, source);
    }
    return StrictYaml.kubernetes(yaml, source);
  }

  /** The one manifest of {@code type} named {@code name} in {@code dir}. */
  <T extends HasMetadata> T object(Path dir, Class<T> type, String name) {
    return manifests(dir).values().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no " + type.getSimpleName() + " " + name));
  }

  ScaledObject scaledObject(Path dir) {
    return manifests(dir).values().stream()
        .filter(ScaledObject.class::isInstance)
        .map(ScaledObject.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no ScaledObject"));
  }
}
