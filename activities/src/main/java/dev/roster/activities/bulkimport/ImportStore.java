package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one directory where imports keep their plans, planning checkpoints and failure reports
 * ({@code imports.store}). Every worker mounts it, so a chunk planned on one worker runs on any
 * other and a restarted container finds its imports again. Workflows carry references relative to
 * the store ({@code <import>/plan.json}), never one worker's absolute paths, so workers may mount
 * it at different places.
 *
 * <p>Files are created owner-only (0600, directories 0700) where the file system has POSIX
 * permissions: failure reports hold the operator's rows, emails included. Thread-safe (no state
 * beyond the root).
 */
public final class ImportStore {
  /** The configuration key, for messages. */
  public static final String SETTING = "imports.store";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path root;
  private final boolean deleteFilesWhenDone;

  /**
   * @param root the store directory; created (0700) when the first import is planned
   * @param deleteFilesWhenDone whether every import's files are deleted when it ends ({@code
   *     imports.deleteFilesWhenDone}), not only those of imports that ask for it
   */
  public ImportStore(Path root, boolean deleteFilesWhenDone) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    this.deleteFilesWhenDone = deleteFilesWhenDone;
  }

  /** A store that keeps an import's files when it ends, unless the import asks otherwise. */
  public ImportStore(Path root) {
    this(root, false);
  }

  public Path root() {
    return root;
  }

  /** Whether every import's files are deleted when it ends. */
  public boolean deletesFilesWhenDone() {
    return deleteFilesWhenDone;
  }

  /**
   * Creates the store if needed and proves it writable, so a worker fails at start instead of at
   * its first import.
   *
   * @throws IOException naming what failed
   */
  public void prepare() throws IOException {
    createDirectories(root);
    Path probe = root.resolve(".probe-" + ProcessHandle.current().pid());
    try (FileChannel channel = open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * The files of one import. {@code name} is the import's workflow id; a name that is not a plain
   * file name ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,119}}) is replaced by a hash of it, so no name
   * can reach outside the store.
   */
  StoredImport forImport(String name) {
    String safe = name != null && NAME.matcher(name).matches() ? name : "import-" + hash(name);
    return new StoredImport(safe, root.resolve(safe));
  }

  /**
   * The plan a reference ({@link StoredImport#planRef}) names, resolved in this worker's store.
   *
   * @throws ImportFailed {@code INVALID_SOURCE} for anything but {@code <name>/plan-<id>.json}
   */
  Path planFile(String planRef) {
    int slash = planRef.indexOf('/');
    String name = slash < 0 ? "" : planRef.substring(0, slash);
    String file = slash < 0 ? "" : planRef.substring(slash + 1);
    if (!NAME.matcher(name).matches() || !StoredImport.PLAN.matcher(file).matches()) {
      throw new ImportFailed(
          ImportFailed.Kind.INVALID_SOURCE, "not a plan in the import store: " + planRef);
    }
    return root.resolve(name).resolve(file);
  }

  /** The import whose directory holds {@code planFile}. */
  StoredImport owner(Path planFile) {
    Path dir = planFile.getParent();
    return new StoredImport(dir.getFileName().toString(), dir);
  }

  /** Creates {@code dir} and its missing parents, owner-only. */
  static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Opens a file in the store, creating it owner-only; an existing file is made owner-only too (it
   * may come from an older Roster that left the umask's permissions).
   */
  static FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> set = Set.of(options);
    FileChannel channel =
        POSIX
            ? FileChannel.open(file, set, PosixFilePermissions.asFileAttribute(FILE))
            : FileChannel.open(file, set, new FileAttribute<?>[0]);
    if (POSIX) {
      try {
        Files.setPosixFilePermissions(file, FILE);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
    return channel;
  }

  /** Writes {@code bytes} to {@code file} atomically (a temporary file moved in place). */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(name).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ImportStore[" + root + "]";
  }
}
