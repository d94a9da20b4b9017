package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Opens {@link ImportSource.File} sources. Failure reports copy the fields of bad rows, so reading
 * an arbitrary file would copy it into a report: paths must lie under one of the allowed roots
 * (symbolic links resolved), unless the opener was built with {@link #anywhere()}.
 */
public final class FileSourceOpener implements SourceOpener {
  private final List<Path> allowedRoots;

  /**
   * @param allowedRoots directories import files must be under; empty allows any path
   */
  public FileSourceOpener(List<Path> allowedRoots) {
    this.allowedRoots =
        requireNonNull(allowedRoots, "allowedRoots is null").stream()
            .map(root -> root.toAbsolutePath().normalize())
            .toList();
  }

  /** An opener that reads any path the worker can read: for the CLI and tests. */
  public static FileSourceOpener anywhere() {
    return new FileSourceOpener(List.of());
  }

  @Override
  public OpenedSource open(ImportSource source, long byteOffset) {
    if (!(source instanceof ImportSource.File file)) {
      throw new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, "not a file: " + source.describe());
    }
    Path path = Path.of(file.path());
    try {
      Path real = path.toRealPath();
      if (!allowed(real)) {
        throw new ImportFailed(
            ImportFailed.Kind.SOURCE_ACCESS_DENIED,
            "import file is outside the allowed directories " + allowedRoots + ": " + path);
      }
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new ImportFailed(
            ImportFailed.Kind.SOURCE_NOT_FOUND, "import source is not a regular file: " + path);
      }
      long size = attributes.size();
      if (byteOffset < 0 || byteOffset > size) {
        throw new ImportFailed(
            ImportFailed.Kind.SOURCE_CHANGED,
            "offset " + byteOffset + " is beyond the end of " + path + " (" + size + " bytes)");
      }
      FileChannel channel = FileChannel.open(real, StandardOpenOption.READ);
      channel.position(byteOffset);
      String version = size + "-" + attributes.lastModifiedTime().toMillis();
      return new OpenedSource(Channels.newInputStream(channel), size, version);
    } catch (NoSuchFileException e) {
      throw new ImportFailed(ImportFailed.Kind.SOURCE_NOT_FOUND, "no such file: " + path, e);
    } catch (SecurityException | AccessDeniedException e) {
      throw new ImportFailed(ImportFailed.Kind.SOURCE_ACCESS_DENIED, "cannot read " + path, e);
    } catch (IOException e) {
      throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + path, e);
    }
  }

  private boolean allowed(Path real) {
    return allowedRoots.isEmpty() || allowedRoots.stream().anyMatch(real::startsWith);
  }
}
