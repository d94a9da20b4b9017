package dev.roster.starter.deploy;

import java.util.List;
import java.util.Map;

/**
 * The fields of KEDA's {@code keda.sh/v1alpha1 ScaledObject} that Roster's manifests use (fabric8
 * has no model for it), read strictly: any other field is an error. Overlay patches fill only some.
 */
record ScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {
  record Metadata(String name, Map<String, String> labels) {}

  record Spec(
      Target scaleTargetRef,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      Integer cooldownPeriod,
      Integer pollingInterval,
      List<Trigger> triggers) {}

  record Target(String name) {}

  record Trigger(String type, TemporalMetadata metadata) {}

  /** The metadata keys KEDA's Temporal scaler documents. */
  record TemporalMetadata(
      String endpoint,
      String endpointFromEnv,
      String namespace,
      String taskQueue,
      String targetQueueSize,
      String activationTargetQueueSize,
      String queueTypes,
      String minConnectTimeout,
      String unsafeSsl,
      String tlsServerName) {}
}
