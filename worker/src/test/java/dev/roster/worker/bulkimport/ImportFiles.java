package dev.roster.worker.bulkimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** CSV sources for import tests: {@code rows} generated rows plus a few bad ones. */
final class ImportFiles {
  /** Line numbers (1-based, header = 1) of the bad rows {@link #write} adds. */
  static final long BAD_EMAIL_LINE = 4;

  static final long DUPLICATE_LINE = 9;
  static final long FORMULA_LINE = 17;

  /** The valid emails written, in order. */
  final Set<String> valid = new LinkedHashSet<>();

  final Path file;
  long rows;

  private ImportFiles(Path file) {
    this.file = file;
  }

  /** Writes {@code rows} data rows; three of them are bad (see the line constants). */
  static ImportFiles write(Path dir, int rows) {
    ImportFiles f = new ImportFiles(dir.resolve("contacts.csv"));
    try (Writer out = Files.newBufferedWriter(f.file, StandardCharsets.UTF_8)) {
      out.write("email,first_name,last_name,attr.company\n");
      for (int i = 0; i < rows; i++) {
        long line = i + 2;
        if (line == BAD_EMAIL_LINE) {
          out.write("not-an-email,Bad,Row,Acme\n");
        } else if (line == DUPLICATE_LINE) {
          out.write("person0@example.com,Dup,Row,Acme\n");
        } else if (line == FORMULA_LINE) {
          out.write("formula" + i + "@example.com,=HYPERLINK(\"x\"),Row,Acme\n");
        } else {
          String email = "person" + i + "@example.com";
          out.write(email + ",First" + i + ",Last" + i + ",Acme\n");
          f.valid.add(email);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    f.rows = rows;
    return f;
  }
}
