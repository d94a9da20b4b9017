package dev.roster.starter.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The fields of a {@code kustomization.yaml} Roster's use, read strictly. */
record Kustomization(
    String apiVersion,
    String kind,
    String namespace,
    List<String> resources,
    List<Labels> labels,
    List<Image> images,
    List<Generator> configMapGenerator,
    List<Patch> patches) {
  Kustomization {
    resources = resources == null ? List.of() : resources;
    configMapGenerator = configMapGenerator == null ? List.of() : configMapGenerator;
    patches = patches == null ? List.of() : patches;
  }

  record Labels(Map<String, String> pairs) {}

  record Image(String name, String newName, String newTag) {}

  record Generator(String name, String behavior, List<String> files) {}

  record Patch(String path) {}

  /** Files a configMapGenerator reads. */
  List<String> generatorFiles() {
    return configMapGenerator.stream().flatMap(g -> g.files().stream()).toList();
  }

  /** Every path it names: resources, patches and generator files. */
  List<String> paths() {
    return Stream.of(resources, patches.stream().map(Patch::path).toList(), generatorFiles())
        .flatMap(List::stream)
        .toList();
  }
}
