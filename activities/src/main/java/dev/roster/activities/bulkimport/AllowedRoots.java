package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The directories local import files may come from ({@code imports.allowedRoots}). Failure reports
 * copy the cells of bad rows and error messages name the file, so reading an arbitrary file (say
 * {@code /etc/shadow}) would hand it to whoever can start an import. A path is judged by where it
 * really is: symbolic links and {@code ..} are resolved first, and a path that does not exist is
 * judged by its nearest existing ancestor, so neither a link nor a missing file tells anything
 * about places outside the roots. Immutable.
 */
public final class AllowedRoots {
  /** The configuration key, named in every refusal. */
  public static final String SETTING = "imports.allowedRoots";

  private final List<Path> roots;

  /**
   * @param roots the allowed directories; empty refuses every file
   */
  public AllowedRoots(List<Path> roots) {
    this.roots = requireNonNull(roots, "roots is null").stream().map(AllowedRoots::real).toList();
  }

  /** The roots as resolved (real paths where they exist). */
  public List<Path> roots() {
    return roots;
  }

  /**
   * Where {@code file} really is, when that is under one of the roots.
   *
   * @throws ImportFailed {@code SOURCE_ACCESS_DENIED} naming {@value #SETTING} otherwise
   */
  public Path check(Path file) {
    requireNonNull(file, "file is null");
    if (roots.isEmpty()) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_ACCESS_DENIED,
          "file sources are refused: "
              + SETTING
              + " is not configured on this worker (list the directories import files may come"
              + " from; URLs and ServiceNow attachments need no such setting)");
    }
    Path real = real(file);
    if (roots.stream().noneMatch(real::startsWith)) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_ACCESS_DENIED,
          file
              + " is outside "
              + SETTING
              + " "
              + roots
              + "; import files must lie under one of them (links and .. are resolved first)");
    }
    return real;
  }

  /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath();
    Deque<Path> rest = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      rest.push(existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute.normalize();
    }
    Path resolved;
    try {
      resolved = existing.toRealPath();
    } catch (IOException e) {
      resolved = existing.normalize();
    }
    while (!rest.isEmpty()) {
      resolved = resolved.resolve(rest.pop());
    }
    return resolved.normalize();
  }

  @Override
  public String toString() {
    return roots.toString();
  }
}
