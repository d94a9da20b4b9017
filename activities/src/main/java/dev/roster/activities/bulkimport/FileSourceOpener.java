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
 * Opens {@link ImportSource.File} sources under the {@link AllowedRoots}: anything else is refused
 * before it is read, naming {@code imports.allowedRoots}. A directory (or a device, pipe or socket)
 * gets its own message.
 */
public final class FileSourceOpener implements SourceOpener {
  private final AllowedRoots allowed;

  /**
   * @param allowedRoots directories import files must be under; empty refuses every file
   */
  public FileSourceOpener(List<Path> allowedRoots) {
    this.allowed = new AllowedRoots(requireNonNull(allowedRoots, "allowedRoots is null"));
  }

  @Override
  public OpenedSource open(ImportSource source, long byteOffset) {
    if (!(source instanceof ImportSource.File file)) {
      throw new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, "not a file: " + source.describe());
    }
    Path path = Path.of(file.path());
    Path real = allowed.check(path);
    try {
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new ImportFailed(
            ImportFailed.Kind.NOT_A_FILE, path + " is a directory; give the CSV file in it");
      }
      if (!attributes.isRegularFile()) {
        throw new ImportFailed(
            ImportFailed.Kind.NOT_A_FILE,
            path + " is not a regular file (a device, pipe or socket); give a CSV file");
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
}
