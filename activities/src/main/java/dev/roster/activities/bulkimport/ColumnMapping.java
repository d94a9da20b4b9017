package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives the header's columns their meaning. Names match case-insensitively, with spaces and hyphens
 * read as underscores ({@code First Name} is {@code first_name}): {@code email} (required), {@code
 * first_name}/{@code firstname}, {@code last_name}/{@code lastname}, {@code lists} ({@code
 * |}-separated ids), {@code role} (viewer, editor, admin), {@code attr.<name>} and the configured
 * attribute columns.
 *
 * <p>Unknown columns are a warning, reported once by name and then ignored: exports from other
 * tools routinely carry extra columns (notes, ids, timestamps) and refusing the whole file for them
 * would push operators to edit 100,000-row files by hand. The dry run and the approval request list
 * them, so a misspelt column ({@code emial}, {@code frist_name}) is seen before anything runs; a
 * deployment that prefers refusal sets {@code unknownColumnsFatal}.
 */
public final class ColumnMapping {
  private final List<String> header;
  private final int email;
  private final int firstName;
  private final int lastName;
  private final int lists;
  private final int role;
  private final Map<Integer, String> attributes;
  private final List<String> unknownColumns;

  private ColumnMapping(List<String> header, Map<String, Integer> fixed, Builder built) {
    this.header = List.copyOf(header);
    this.email = fixed.getOrDefault("email", -1);
    this.firstName = fixed.getOrDefault("first_name", -1);
    this.lastName = fixed.getOrDefault("last_name", -1);
    this.lists = fixed.getOrDefault("lists", -1);
    this.role = fixed.getOrDefault("role", -1);
    this.attributes = built.attributes;
    this.unknownColumns = List.copyOf(built.unknown);
  }

  /**
   * Maps a header row.
   *
   * @param attributeColumns extra column names (any case) mapped to vendor attribute names
   * @throws ImportFailed {@code BAD_HEADER} when there is no email column, a field appears twice,
   *     or there are unknown columns and {@code unknownColumnsFatal} is set
   */
  public static ColumnMapping of(
      List<String> header, Map<String, String> attributeColumns, boolean unknownColumnsFatal) {
    requireNonNull(header, "header is null");
    Map<String, String> configured = new HashMap<>();
    requireNonNull(attributeColumns, "attributeColumns is null")
        .forEach((column, attribute) -> configured.put(normalise(column), attribute));
    Map<String, Integer> fixed = new HashMap<>();
    Builder built = new Builder();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i).trim();
      String name = normalise(raw);
      String target = fixedField(name);
      if (target != null) {
        claim(fixed, target, i, header);
      } else if (configured.containsKey(name)) {
        built.attribute(i, configured.get(name), header);
      } else if (name.startsWith("attr.") && name.length() > 5) {
        built.attribute(i, raw.substring(5).trim(), header);
      } else {
        built.unknown.add(shown(raw, i));
      }
    }
    if (!fixed.containsKey("email")) {
      // Never the header's cells: without a header row they are the first person's data.
      throw new ImportFailed(
          ImportFailed.Kind.BAD_HEADER,
          "line 1 has "
              + header.size()
              + (header.size() == 1 ? " column" : " columns")
              + ", none named 'email'; the first line must be a header row such as"
              + " email,first_name,last_name");
    }
    if (unknownColumnsFatal && !built.unknown.isEmpty()) {
      throw new ImportFailed(
          ImportFailed.Kind.BAD_HEADER, "unknown columns in the header: " + built.unknown);
    }
    return new ColumnMapping(header, fixed, built);
  }

  /**
   * An unknown column's name as reports show it. A name with an {@code @} is masked: it is more
   * likely a person's address in a data row than a column name.
   */
  private static String shown(String raw, int column) {
    if (raw.isEmpty()) {
      return "(blank column " + (column + 1) + ")";
    }
    return raw.indexOf('@') >= 0 ? Emails.mask(raw) : raw;
  }

  private static String fixedField(String name) {
    return switch (name) {
      case "email" -> "email";
      case "first_name", "firstname" -> "first_name";
      case "last_name", "lastname" -> "last_name";
      case "lists" -> "lists";
      case "role" -> "role";
      default -> null;
    };
  }

  private static void claim(Map<String, Integer> fixed, String target, int i, List<String> header) {
    Integer earlier = fixed.putIfAbsent(target, i);
    if (earlier != null) {
      throw twice(target, earlier, i, header);
    }
  }

  private static ImportFailed twice(String target, int first, int second, List<String> header) {
    return new ImportFailed(
        ImportFailed.Kind.BAD_HEADER,
        "columns "
            + (first + 1)
            + " ('"
            + header.get(first).trim()
            + "') and "
            + (second + 1)
            + " ('"
            + header.get(second).trim()
            + "') both map to "
            + target);
  }

  private static String normalise(String column) {
    return column.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  /** The header as written. */
  public List<String> header() {
    return header;
  }

  /** Header columns that map to nothing, as written; blank names are shown by position. */
  public List<String> unknownColumns() {
    return unknownColumns;
  }

  public int emailColumn() {
    return email;
  }

  /** Column index, or -1 when the file has no such column. */
  public int firstNameColumn() {
    return firstName;
  }

  public int lastNameColumn() {
    return lastName;
  }

  public int listsColumn() {
    return lists;
  }

  public int roleColumn() {
    return role;
  }

  /** Column index to vendor attribute name, in header order. */
  public Map<Integer, String> attributeColumns() {
    return attributes;
  }

  /** Whether a column is imported (formula checks apply to these; ignored ones never leave). */
  public boolean isMapped(int column) {
    return column == email
        || column == firstName
        || column == lastName
        || column == lists
        || column == role
        || attributes.containsKey(column);
  }

  private static final class Builder {
    private final Map<Integer, String> attributes = new LinkedHashMap<>();
    private final Map<String, Integer> attributeNames = new HashMap<>();
    private final List<String> unknown = new ArrayList<>();

    void attribute(int column, String name, List<String> header) {
      Integer earlier = attributeNames.putIfAbsent(name.toLowerCase(Locale.ROOT), column);
      if (earlier != null) {
        throw twice("attribute " + name, earlier, column, header);
      }
      attributes.put(column, name);
    }
  }
}
