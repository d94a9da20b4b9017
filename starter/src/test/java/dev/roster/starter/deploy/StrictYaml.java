package dev.roster.starter.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * YAML read strictly: duplicate keys and unknown fields are errors. Plain classes and records fail
 * on unknown properties through Jackson; fabric8's model classes keep unknown fields in {@code
 * additionalProperties} instead, so {@link #kubernetes} walks the parsed object and fails on any
 * non-empty one, naming its path.
 */
final class StrictYaml {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
              YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The Kubernetes kinds Roster's manifests use, by apiVersion/kind. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "apps/v1/Deployment", Deployment.class,
          "v1/Service", Service.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/Namespace", Namespace.class,
          "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

  private StrictYaml() {}

  static JsonNode tree(String yaml, String source) {
    try {
      return MAPPER.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** {@code yaml} as the class its apiVersion and kind name; unknown fields anywhere fail. */
  static HasMetadata kubernetes(String yaml, String source) {
    JsonNode tree = tree(yaml, source);
    String kind = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
    Class<? extends HasMetadata> type = KINDS.get(kind);
    if (type == null) {
      throw new IllegalArgumentException(source + ": no model for " + kind);
    }
    HasMetadata object = as(tree, type, source);
    List<String> unknown = new ArrayList<>();
    collectUnknown(object, tree.path("kind").asText(), unknown);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(source + ": unknown fields " + unknown);
    }
    return object;
  }

  /** {@code tree} as {@code type} (a record or plain class: unknown properties fail). */
  static <T> T as(JsonNode tree, Class<T> type, String source) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** Every non-empty {@code additionalProperties} below {@code value}, as {@code path.field}. */
  private static void collectUnknown(Object value, String path, List<String> unknown) {
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collectUnknown(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown));
      return;
    }
    if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    List<Method> getters =
        Arrays.stream(value.getClass().getMethods())
            .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getName().startsWith("get") && !m.getName().equals("getClass"))
            .sorted(Comparator.comparing(Method::getName))
            .toList();
    for (Method getter : getters) {
      Object child = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) child).keySet().forEach(field -> unknown.add(path + "." + field));
      } else {
        String field = getter.getName().substring(3);
        collectUnknown(
            child,
            path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1),
            unknown);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter + " failed", e);
    }
  }
}
