package dev.roster.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.starter.cli.RosterCommand;
import dev.roster.starter.http.CodecServer;
import dev.roster.starter.http.OpsRoutes;
import dev.roster.worker.config.RosterConfig;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml against the code and the Kubernetes manifests: the variables it sets are ones
 * Roster reads, health checks ask /readyz on the ports the services listen on, the worker waits for
 * the search attributes, one namespace everywhere, and the Web UI decodes through Roster's codec
 * server.
 */
class ComposeFileTest {
  private static final List<String> ROLES = List.of("roster-setup", "roster-worker", "roster-http");
  private final DeployTree tree = new DeployTree();
  private final Path file = tree.deploy.resolve("compose.yaml");
  private final JsonNode services =
      StrictYaml.tree(DeployTree.read(file), "" + file).get("services");
  private final Path example = tree.deploy.getParent().resolve("roster.example.yaml");

  @Test
  void rosterServicesSetOnlyVariablesRosterReads() {
    String yaml = DeployTree.read(example);
    for (String role : ROLES) {
      RosterEnv.assertAllRead(env(role), yaml, file + " " + role + " with " + example);
    }
  }

  @Test
  void healthChecksAskReadyzWhereTheServicesListen() {
    RosterConfig worker = config("roster-worker");
    assertThat(healthUrl("roster-worker"))
        .isEqualTo(URI.create("http://127.0.0.1:" + worker.worker().opsPort() + OpsRoutes.READYZ));
    assertThat(worker.worker().opsPort()).isEqualTo(k8sPort("roster-worker", "ops"));

    RosterConfig http = config("roster-http");
    assertThat(http.http().bind()).isEqualTo("0.0.0.0");
    assertThat(healthUrl("roster-http"))
        .isEqualTo(URI.create("http://127.0.0.1:" + http.http().port() + OpsRoutes.READYZ));
    assertThat(services.at("/roster-http/ports/0").asText()).endsWith(":" + http.http().port());
    assertThat(http.http().port()).isEqualTo(k8sPort("roster-http", "http"));
    assertThat(services.at("/codec-proxy/depends_on/roster-http/condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void healthChecksRunTheImagesEntrypointWithTheProbeCommand() {
    String entrypoint =
        DeployTree.read(tree.deploy.resolve("Dockerfile"))
            .lines()
            .filter(l -> l.startsWith("ENTRYPOINT "))
            .findFirst()
            .orElseThrow()
            .substring("ENTRYPOINT ".length());
    List<String> java = strings(StrictYaml.tree(entrypoint, "Dockerfile ENTRYPOINT"));
    for (String service : List.of("roster-worker", "roster-http")) {
      List<String> test = strings(services.at("/" + service + "/healthcheck/test"));
      assertThat(test.subList(1, java.size() + 1)).as(service).isEqualTo(java);
      String command = test.get(java.size() + 1);
      assertThat(command).isEqualTo("probe");
      assertThat(RosterCommand.commandLine().getSubcommands()).containsKey(command);
    }
  }

  @Test
  void theWorkerStartsOnlyAfterSetupSucceeded() {
    assertThat(services.at("/roster-worker/depends_on/roster-setup/condition").asText())
        .isEqualTo("service_completed_successfully");
    JsonNode setup = services.get("roster-setup");
    assertThat(setup.has("entrypoint")).isFalse();
    assertThat(strings(setup.get("command"))).startsWith("setup").noneMatch(a -> a.contains("||"));
    for (String role : ROLES) {
      assertThat(strings(services.get(role).get("command")))
          .as(role)
          .containsSequence("--config", "/etc/roster/roster.yaml");
    }
    assertThat(strings(services.at("/roster-worker/command"))).startsWith("worker");
    assertThat(strings(services.at("/roster-http/command"))).startsWith("serve");
  }

  @Test
  void oneNamespaceEverywhere() {
    String namespace = services.at("/temporal/environment/DEFAULT_NAMESPACE").asText();
    assertThat(namespace).isNotBlank();
    assertThat(services.at("/temporal-ui/environment/TEMPORAL_DEFAULT_NAMESPACE").asText())
        .isEqualTo(namespace);
    for (String role : ROLES) {
      assertThat(config(role).temporal().namespace()).as(role).isEqualTo(namespace);
    }
    Path k8s = tree.base().resolve("roster.yaml");
    assertThat(RosterEnv.load(DeployTree.read(k8s), "" + k8s, Map.of()).temporal().namespace())
        .isEqualTo(namespace);
    assertThat(DeployTree.read(tree.deploy.resolve("README.md")))
        .contains("the namespace `" + namespace + "`");
  }

  @Test
  void theWebUiDecodesThroughTheCodecServer() {
    URI endpoint =
        URI.create(services.at("/temporal-ui/environment/TEMPORAL_CODEC_ENDPOINT").asText());
    assertThat(endpoint.getPath()).isEqualTo(CodecServer.PATH);
    assertThat(strings(services.at("/codec-proxy/ports")))
        .singleElement()
        .satisfies(p -> assertThat(p).endsWith(":" + endpoint.getPort()));
    String proxy = DeployTree.read(tree.deploy.resolve("codec-proxy.conf.template"));
    int httpPort = config("roster-http").http().port();
    assertThat(proxy)
        .contains("listen " + endpoint.getPort() + ";")
        .contains("location " + CodecServer.PATH + "/ {")
        .contains("proxy_pass http://roster-http:" + httpPort + CodecServer.PATH + "/;");
  }

  /** The service's roster.yaml: the example's, with the service's environment applied. */
  private RosterConfig config(String service) {
    return RosterEnv.load(DeployTree.read(example), "" + example, env(service));
  }

  private Map<String, String> env(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    services
        .get(service)
        .path("environment")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  private URI healthUrl(String service) {
    List<String> test = strings(services.at("/" + service + "/healthcheck/test"));
    assertThat(test).first().isEqualTo("CMD");
    return URI.create(test.get(test.size() - 1));
  }

  private int k8sPort(String deployment, String name) {
    return tree
        .object(tree.base(), Deployment.class, deployment)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getPorts()
        .stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getContainerPort();
  }

  private static List<String> strings(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return items;
  }
}
