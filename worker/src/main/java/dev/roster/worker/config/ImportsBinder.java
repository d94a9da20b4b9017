package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Binds the {@code imports} section. */
final class ImportsBinder {
  static final String AT = "imports";

  private final ConfigReader in;

  ImportsBinder(ConfigReader in) {
    this.in = in;
  }

  ImportsConfig bind(ObjectNode node) {
    ImportsConfig d = ImportsConfig.DEFAULTS;
    return new ImportsConfig(
        in.bool(node, AT, "enabled", d.enabled()),
        in.path(node, AT, "store"),
        roots(node),
        in.bool(node, AT, "deleteFilesWhenDone", d.deleteFilesWhenDone()));
  }

  private List<Path> roots(ObjectNode node) {
    String at = AT + ".allowedRoots";
    JsonNode value = node.get("allowedRoots");
    if (value != null && !value.isNull() && !value.isArray()) {
      in.problem(
          at,
          "expected a list of directories like [/srv/roster/uploads], got "
              + ConfigReader.describe(value));
      return List.of();
    }
    List<Path> roots = new ArrayList<>();
    for (String root : in.strings(node, AT, "allowedRoots", List.of())) {
      Path path = in.pathValue(at, root);
      if (path != null) {
        roots.add(path);
      }
    }
    return roots;
  }
}
