package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.local.DevRecord;
import dev.roster.starter.local.SubjectKeys;
import dev.roster.worker.Assembly;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * What a one-shot command needs: the configuration and a connection to Temporal. The address is the
 * configured one ({@code temporal.address}, {@code TEMPORAL_ADDRESS}), with the configured payload
 * keys; without one, where a running {@code roster dev} recorded it listens ({@link DevRecord}),
 * with the ephemeral payload key it recorded; without that, the embedded default on 127.0.0.1 when
 * {@code temporal.payloadKeys} is configured, else a usage error (no key to read its histories).
 */
public final class TemporalClientOptions {
  @Mixin ConfigOptions config;

  private String target;
  private String origin;
  private String hint;

  RosterConfig load() {
    return config.load(System.getenv());
  }

  /**
   * The subject hashes for the server {@link #connect} talks to: the configured {@code subjectKey};
   * against a configured cluster nothing else (a usage error naming it); against {@code roster
   * dev}, the key it recorded ({@link SubjectKeys#forCommand}). Call before connecting, so a
   * missing key is reported before anything is tried.
   */
  SubjectHasher subjects(RosterConfig loaded) {
    return subjects(loaded, System.getenv(), Path.of("").toAbsolutePath());
  }

  SubjectHasher subjects(RosterConfig loaded, Map<String, String> env, Path workingDir) {
    boolean cluster = !loaded.temporal().embedded();
    Optional<String> recorded =
        cluster
            ? Optional.empty()
            : DevRecord.find(workingDir, env).map(found -> found.record().subjectKey());
    return SubjectKeys.forCommand(loaded, env, cluster, recorded);
  }

  /** Connects to the configured cluster, or to {@code roster dev}'s embedded server. */
  TemporalConnection connect(RosterConfig loaded) {
    return connect(loaded, System.getenv(), Path.of("").toAbsolutePath());
  }

  TemporalConnection connect(RosterConfig loaded, Map<String, String> env, Path workingDir) {
    TemporalConfig temporal = loaded.temporal();
    // Against a configured cluster the configured ring is required (TemporalModule refuses to
    // start without it); against roster dev, the key it recorded.
    Optional<PayloadKeyRing> keys = Optional.empty();
    if (!temporal.embedded()) {
      boolean fromEnv =
          env.get("TEMPORAL_ADDRESS") != null && !env.get("TEMPORAL_ADDRESS").isBlank();
      origin = fromEnv ? "from TEMPORAL_ADDRESS" : "from temporal.address in the configuration";
      hint = "is Temporal running there, and is that address right?";
    } else {
      Optional<DevRecord.Found> dev = DevRecord.find(workingDir, env);
      if (dev.isPresent()) {
        DevRecord record = dev.get().record();
        temporal =
            temporal.at(
                record.temporal(),
                record.namespace() == null ? temporal.namespace() : record.namespace());
        keys = record.payloadKeys();
        origin = "recorded by `roster dev` (pid " + record.pid() + ") in " + dev.get().file();
        hint = "is that `roster dev` still serving?";
      } else if (temporal.payloadKeys().isPresent()) {
        origin =
            "the embedded default: no temporal.address, no TEMPORAL_ADDRESS, and no running"
                + " `roster dev` recorded in "
                + workingDir;
        hint = "start one with `roster dev` (from this directory), or set TEMPORAL_ADDRESS";
      } else {
        // Without its record there is no key to read or write roster dev's histories with.
        throw new UsageError(
            "no running `roster dev` recorded in "
                + workingDir
                + " (it records its address and payload key there), and no temporal.address:"
                + " start `roster dev` from this directory, or configure temporal.address and"
                + " temporal.payloadKeys");
      }
    }
    TemporalConfig settled = temporal;
    TemporalModule module =
        keys.map(ring -> new TemporalModule(settled, env, ring))
            .orElseGet(() -> new TemporalModule(settled, env));
    TemporalConnection connection =
        Assembly.instance(Assembly.of(List.of(module)), TemporalConnection.class);
    target = connection.target();
    return connection;
  }

  /**
   * The message for a server that did not answer: the address tried, where it came from, and what
   * to check. Before {@link #connect} ran, without an address.
   */
  String unreachable(String code) {
    if (target == null) {
      return "cannot reach Temporal (" + code + ")";
    }
    return "cannot reach Temporal at " + target + " (" + code + "; " + origin + "): " + hint;
  }
}
