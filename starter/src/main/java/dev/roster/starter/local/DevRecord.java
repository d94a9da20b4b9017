package dev.roster.starter.local;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.activities.http.Secret;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running {@code roster dev} listens, recorded so the other commands find it when nothing
 * else is configured: {@value #FILE_NAME} in the directory {@code roster dev} runs in (or, when
 * that is not writable, {@code dev.json} in the user's state directory, {@code
 * $XDG_STATE_HOME/roster} or {@code ~/.local/state/roster}). The file is readable by its owner only
 * (0600) and removed when {@code roster dev} stops.
 *
 * <p>The format is JSON with a {@code format} number, and readers ignore fields they do not know,
 * so later versions can add to it.
 *
 * @param format {@value #FORMAT}
 * @param pid the {@code roster dev} process; a record whose process is gone is stale and ignored
 * @param temporal host:port of its embedded Temporal server
 * @param namespace its Temporal namespace
 * @param http base URL of its HTTP service
 * @param startedAt when it started, ISO-8601
 * @param subjectKey the ephemeral subject-hash key it generated (none when {@code subjectKey} is
 *     configured), so the other commands compute the same ids ({@link SubjectKeys})
 * @param payloadKey the ephemeral payload key (base64) its histories are encrypted with, so
 *     one-shot commands can read and write them; null when it runs with configured keys
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevRecord(
    int format,
    long pid,
    String temporal,
    String namespace,
    String http,
    String startedAt,
    String payloadKey,
    String subjectKey) {
  public static final String FILE_NAME = ".roster-dev.json";
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A record for this process, with its ephemeral payload key if it made one. */
  public static DevRecord of(
      String temporal, String namespace, String http, Optional<Secret> payloadKey) {
    return new DevRecord(
        FORMAT,
        ProcessHandle.current().pid(),
        temporal,
        namespace,
        http,
        Instant.now().toString(),
        payloadKey.map(Secret::reveal).orElse(null),
        null);
  }

  /** This record with the ephemeral subject key of {@code roster dev}, when it generated one. */
  public DevRecord withSubjectKey(Optional<Secret> key) {
    return new DevRecord(
        format,
        pid,
        temporal,
        namespace,
        http,
        startedAt,
        payloadKey,
        key.map(Secret::reveal).orElse(null));
  }

  /** The ring of the recorded ephemeral payload key; empty when none is recorded. */
  public Optional<PayloadKeyRing> payloadKeys() {
    return payloadKey == null || payloadKey.isBlank()
        ? Optional.empty()
        : Optional.of(LocalPayloadKeys.ring(new Secret(payloadKey)));
  }

  /** Without the keys: a record's text may end up in a message. */
  @Override
  public String toString() {
    return "DevRecord[pid="
        + pid
        + ", temporal="
        + temporal
        + ", namespace="
        + namespace
        + ", http="
        + http
        + ", payloadKey="
        + (payloadKey == null ? "none" : "[REDACTED]")
        + ", subjectKey="
        + (subjectKey == null ? "none" : "[REDACTED]")
        + "]";
  }

  /** Where readers look, in order: the working directory, then the user's state directory. */
  public static List<Path> locations(Path workingDir, Map<String, String> env) {
    List<Path> out = new ArrayList<>();
    out.add(workingDir.resolve(FILE_NAME));
    stateDir(env).ifPresent(dir -> out.add(dir.resolve("dev.json")));
    return out;
  }

  /** The first live record in {@link #locations}, with the file it came from. */
  public static Optional<Found> find(Path workingDir, Map<String, String> env) {
    for (Path file : locations(workingDir, env)) {
      Optional<DevRecord> record = read(file);
      if (record.isPresent() && record.get().alive()) {
        return Optional.of(new Found(record.get(), file));
      }
    }
    return Optional.empty();
  }

  /** A record and where it was read. */
  public record Found(DevRecord record, Path file) {}

  /** Whether the recording process still runs. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static Optional<DevRecord> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      DevRecord record = JSON.readValue(file.toFile(), DevRecord.class);
      return record.temporal() == null || record.temporal().isBlank()
          ? Optional.empty()
          : Optional.of(record);
    } catch (IOException e) {
      return Optional.empty(); // half-written or foreign: not a record to follow
    }
  }

  /**
   * Writes this record (0600, replacing a stale one) in the working directory, or in the state
   * directory when the working directory is not writable. Returns a handle that removes it.
   */
  public Written write(Path workingDir, Map<String, String> env) {
    List<Path> candidates = locations(workingDir, env);
    IOException last = null;
    for (Path file : candidates) {
      try {
        writeTo(file);
        return new Written(file, pid);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("cannot record where roster dev listens", last);
  }

  private void writeTo(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + "." + pid + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp); // not a POSIX file system: its default permissions apply
    }
    Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Optional<Path> stateDir(Map<String, String> env) {
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "roster"));
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return home == null || home.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(home, ".local", "state", "roster"));
  }

  /** A written record; closing removes it, unless another process has replaced it since. */
  public static final class Written implements AutoCloseable {
    private final Path file;
    private final long pid;

    Written(Path file, long pid) {
      this.file = file;
      this.pid = pid;
    }

    public Path file() {
      return file;
    }

    @Override
    public void close() {
      Optional<DevRecord> now = read(file);
      if (now.isEmpty() || now.get().pid() == pid) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Best effort on the way out; a stale record is ignored by readers (its pid is gone).
        }
      }
    }
  }
}
