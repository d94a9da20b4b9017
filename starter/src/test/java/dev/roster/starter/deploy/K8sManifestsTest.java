package dev.roster.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.VendorHttp;
import dev.roster.starter.http.OpsRoutes;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s against the code: every manifest parses strictly into the Kubernetes object model, the
 * kustomizations list every file, and what the pods run with (probes, ports, environment,
 * roster.yaml, grace period, KEDA's task queues) is what Roster serves and reads.
 */
class K8sManifestsTest {
  private static final String CONFIG_FILE = "/etc/roster/roster.yaml";
  private final DeployTree tree = new DeployTree();

  @Test
  void everyManifestParsesStrictly() {
    assertThat(tree.yamlFiles()).hasSizeGreaterThan(10);
    for (Path dir : List.of(tree.base(), tree.overlay())) {
      assertThat(tree.manifests(dir)).isNotEmpty();
    }
  }

  @Test
  void aMisspelledFieldIsAnError() {
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          template:
            spec:
              terminationGracePeriodSecond: 120
              containers: [{name: x, image: roster}]
        """;
    assertThatThrownBy(() -> DeployTree.manifest(deployment, "inline"))
        .hasMessageContaining("Deployment.spec.template.spec.terminationGracePeriodSecond");
    String correct = deployment.replace("PeriodSecond:", "PeriodSeconds:");
    assertThat(((Deployment) DeployTree.manifest(correct, "inline")).getSpec().getTemplate())
        .extracting(t -> t.getSpec().getTerminationGracePeriodSeconds())
        .isEqualTo(120L);
    String scaled =
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: x}
        spec:
          triggers: [{type: temporal, metadata: {taskQueu: roster}}]
        """;
    assertThatThrownBy(() -> DeployTree.manifest(scaled, "inline"))
        .hasMessageContaining("taskQueu");
    assertThatThrownBy(() -> DeployTree.manifest("kind: Pod\napiVersion: v1\n", "inline"))
        .hasMessageContaining("no model for v1/Pod");
  }

  @Test
  void kustomizationsListEveryFileAndOnlyExistingOnes() throws IOException {
    for (Path dir : List.of(tree.base(), tree.overlay())) {
      Kustomization k = tree.kustomization(dir);
      assertThat(k.apiVersion()).isEqualTo("kustomize.config.k8s.io/v1beta1");
      for (String path : k.paths()) {
        Path target = dir.resolve(path).normalize();
        assertThat(
                Files.isRegularFile(target)
                    || Files.isRegularFile(target.resolve("kustomization.yaml")))
            .as(dir + ": " + path + " exists")
            .isTrue();
      }
      try (Stream<Path> files = Files.list(dir)) {
        Set<String> yaml =
            files
                .map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                .collect(Collectors.toSet());
        assertThat(k.paths()).as(dir + ": every file listed").containsAll(yaml);
      }
    }
    assertThat(tree.kustomization(tree.overlay()).resources()).contains("../../base");
  }

  @Test
  void probesAndPortsAreWhatRosterServes() {
    RosterConfig config = baseConfig(Map.of());
    assertThat(config.http().bind()).as("probes reach the pod address").isEqualTo("0.0.0.0");
    assertThat(config.worker().opsPort()).isEqualTo(WorkerConfig.DEFAULTS.opsPort());

    Container worker = container("roster-worker");
    int ops = port(worker, "ops");
    assertThat(ops).isEqualTo(config.worker().opsPort());
    assertProbes(worker, "ops");
    assertThat(worker.getArgs()).containsExactly("worker", "--config", CONFIG_FILE);

    Container http = container("roster-http");
    assertThat(port(http, "http")).isEqualTo(config.http().port());
    assertProbes(http, "http");
    assertThat(http.getArgs()).containsExactly("serve", "--config", CONFIG_FILE);

    Service service = tree.object(tree.base(), Service.class, "roster-http");
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment("roster-http").getSpec().getSelector().getMatchLabels());
    for (String name : List.of("roster-worker", "roster-http")) {
      Deployment d = deployment(name);
      Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
      assertThat(annotations)
          .containsEntry("prometheus.io/path", OpsRoutes.METRICS)
          .containsEntry(
              "prometheus.io/port",
              String.valueOf(
                  port(d.getSpec().getTemplate().getSpec().getContainers().get(0), null)));
    }
  }

  @Test
  void theWorkerStartsAfterRegisteringTheSearchAttributes() {
    Container setup = pod("roster-worker").getInitContainers().get(0);
    Container worker = container("roster-worker");
    assertThat(setup.getArgs()).startsWith("setup", "--config", CONFIG_FILE).contains("--wait");
    assertThat(setup.getImage()).isEqualTo(worker.getImage());
    assertThat(mounts(setup)).containsKeys("/etc/roster", "/tmp");
    Path file = tree.base().resolve("roster.yaml");
    String yaml = DeployTree.read(file);
    Map<String, String> env = env(setup);
    RosterEnv.assertAllRead(env, yaml, file + " with setup");
    RosterConfig config = RosterEnv.load(yaml, file.toString(), env);
    assertThat(config.temporal()).isEqualTo(RosterEnv.load(yaml, "", env(worker)).temporal());
    config
        .temporal()
        .payloadKeys()
        .orElseThrow()
        .keys()
        .values()
        .forEach(k -> assertThat(k.problem(env)).as(k.keyPath()).isEmpty());
  }

  @Test
  void theWorkerOutlastsItsShutdownGraceAndOneVendorCall() {
    RosterConfig config = baseConfig(Map.of());
    Duration needed = config.worker().shutdownGrace().plus(VendorHttp.Timeouts.DEFAULT.call());
    assertThat(config.worker().shutdownGrace()).isEqualTo(WorkerConfig.DEFAULTS.shutdownGrace());
    assertThat(pod("roster-worker").getTerminationGracePeriodSeconds())
        .isGreaterThan(needed.toSeconds());
    PodDisruptionBudget pdb = tree.object(tree.base(), PodDisruptionBudget.class, "roster-worker");
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment("roster-worker").getSpec().getSelector().getMatchLabels());
  }

  @Test
  void podsRunAsNonRootOnAReadOnlyRootWithWritableMounts() {
    RosterConfig config = baseConfig(Map.of());
    for (String name : List.of("roster-worker", "roster-http")) {
      PodSpec pod = pod(name);
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      Container c = pod.getContainers().get(0);
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
      assertThat(mounts(c)).as(name).containsKeys("/tmp", "/etc/roster");
      assertThat(mounts(c).get("/etc/roster").getReadOnly()).isTrue();
      assertThat(pod.getVolumes())
          .filteredOn(v -> v.getName().equals(mounts(c).get("/etc/roster").getName()))
          .singleElement()
          .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("roster-config"));
    }
    VolumeMount imports =
        mounts(container("roster-worker")).get(config.imports().store().toString());
    assertThat(imports).as("imports.store is mounted").isNotNull();
    assertThat(pod("roster-worker").getVolumes())
        .filteredOn(v -> v.getName().equals(imports.getName()))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getPersistentVolumeClaim().getClaimName())
                    .isEqualTo("roster-imports"));
  }

  @Test
  void theEnvironmentIsReadByRosterAndHoldsEveryCredential() {
    Map<String, String> overlayHttp = env(container(tree.overlay(), "http-codec-token.yaml"));
    for (Path dir : List.of(tree.base(), tree.overlay())) {
      Path file = dir.resolve("roster.yaml");
      String yaml = DeployTree.read(file);
      Map<String, String> workerEnv = env(container("roster-worker"));
      Map<String, String> httpEnv = env(container("roster-http"));
      if (dir.equals(tree.overlay())) {
        httpEnv = RosterEnv.merged(httpEnv, overlayHttp);
      }
      RosterEnv.assertAllRead(workerEnv, yaml, file + " with roster-worker");
      RosterEnv.assertAllRead(httpEnv, yaml, file + " with roster-http");
      RosterConfig asWorker = RosterEnv.load(yaml, file.toString(), workerEnv);
      RosterConfig asHttp = RosterEnv.load(yaml, file.toString(), httpEnv);
      RosterEnv.assertWorkerCredentials(asWorker, workerEnv, file + " in roster-worker");
      RosterEnv.assertHttpCredentials(asHttp, httpEnv, file + " in roster-http");
      assertThat(asWorker.temporal().address()).isNotBlank().isEqualTo(asHttp.temporal().address());
    }
    assertThat(RosterEnv.references(DeployTree.read(tree.overlay().resolve("roster.yaml")), "x"))
        .contains(overlayHttp.keySet().toArray(String[]::new));
  }

  @Test
  void everySecretKeyIsInTheOneSecretAndTheReadme() {
    String readme = DeployTree.read(tree.k8s().resolve("README.md"));
    List<Container> containers = new ArrayList<>();
    for (String name : List.of("roster-worker", "roster-http")) {
      containers.addAll(pod(name).getInitContainers());
      containers.addAll(pod(name).getContainers());
    }
    containers.add(container(tree.overlay(), "http-codec-token.yaml"));
    List<SecretKeySelector> refs =
        containers.stream()
            .flatMap(c -> c.getEnv().stream())
            .filter(e -> e.getValueFrom() != null)
            .map(e -> e.getValueFrom().getSecretKeyRef())
            .toList();
    assertThat(refs).isNotEmpty();
    for (SecretKeySelector ref : refs) {
      assertThat(ref.getName()).isEqualTo("roster-secrets");
      assertThat(readme).as("README names " + ref.getKey()).contains(ref.getKey() + "=");
    }
  }

  @Test
  void kedaScalesTheWorkerOnEveryTaskQueueItPolls() {
    ScaledObject scaled = tree.scaledObject(tree.base());
    assertThat(scaled.apiVersion()).isEqualTo("keda.sh/v1alpha1");
    assertThat(scaled.spec().scaleTargetRef().name()).isEqualTo("roster-worker");
    Map<String, String> env = env(container("roster-worker"));
    for (Path dir : List.of(tree.base(), tree.overlay())) {
      RosterConfig config = RosterEnv.load(DeployTree.read(dir.resolve("roster.yaml")), "x", env);
      assertThat(scaled.spec().triggers())
          .allSatisfy(t -> assertThat(t.type()).isEqualTo("temporal"))
          .allSatisfy(
              t -> {
                assertThat(t.metadata().endpoint()).isEqualTo(config.temporal().address());
                assertThat(t.metadata().namespace()).isEqualTo(config.temporal().namespace());
                assertThat(Integer.parseInt(t.metadata().targetQueueSize())).isPositive();
              })
          .extracting(t -> t.metadata().taskQueue())
          .as(dir + ": one trigger per task queue")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(RosterEnv.taskQueues(config));
    }
    ScaledObject patch = tree.scaledObject(tree.overlay());
    assertThat(patch.metadata().name()).isEqualTo(scaled.metadata().name());
    assertThat(patch.spec().minReplicaCount()).isLessThanOrEqualTo(patch.spec().maxReplicaCount());
  }

  private RosterConfig baseConfig(Map<String, String> env) {
    Path file = tree.base().resolve("roster.yaml");
    return RosterEnv.load(DeployTree.read(file), file.toString(), env);
  }

  private Deployment deployment(String name) {
    return tree.object(tree.base(), Deployment.class, name);
  }

  private PodSpec pod(String name) {
    return deployment(name).getSpec().getTemplate().getSpec();
  }

  private Container container(String name) {
    return pod(name).getContainers().get(0);
  }

  private Container container(Path dir, String file) {
    Deployment patch = (Deployment) DeployTree.manifest(DeployTree.read(dir.resolve(file)), file);
    return patch.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  /** Name to value; a secretKeyRef's variable has a placeholder (its value is not in the repo). */
  private static Map<String, String> env(Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    c.getEnv().forEach(e -> env.put(e.getName(), e.getValue() != null ? e.getValue() : "secret"));
    return env;
  }

  private static Map<String, VolumeMount> mounts(Container c) {
    return c.getVolumeMounts().stream()
        .collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
  }

  /** The container port called {@code name} (the only one when null). */
  private static int port(Container c, String name) {
    List<ContainerPort> ports = c.getPorts();
    return ports.stream()
        .filter(p -> name == null ? ports.size() == 1 : name.equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + ": no port " + name))
        .getContainerPort();
  }

  private static void assertProbes(Container c, String port) {
    HTTPGetAction live = c.getLivenessProbe().getHttpGet();
    HTTPGetAction ready = c.getReadinessProbe().getHttpGet();
    assertThat(live.getPath()).isEqualTo(OpsRoutes.LIVEZ);
    assertThat(ready.getPath()).isEqualTo(OpsRoutes.READYZ);
    assertThat(live.getPort().getStrVal()).isEqualTo(port);
    assertThat(ready.getPort().getStrVal()).isEqualTo(port);
    if (c.getStartupProbe() != null) {
      assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo(OpsRoutes.LIVEZ);
    }
  }
}
