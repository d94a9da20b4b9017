package dev.roster.workflows.request;

import dev.roster.workflows.account.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Vendor list ids in requests. Every vendor Roster drives that has lists numbers them with positive
 * integers; a vendor without lists (see {@link Capabilities#lists()}) takes none. The README's
 * vendor table says which vendor has what.
 */
public final class ListIds {
  private static final Pattern NUMERIC = Pattern.compile("[1-9][0-9]{0,17}");

  /** Whether {@code id} looks like a list id (a positive integer, no sign or spaces). */
  public static boolean isValid(String id) {
    return id != null && NUMERIC.matcher(id).matches();
  }

  /**
   * Every problem with the list ids of one account, each starting with {@code field}.
   *
   * @param capabilities what the account can do; null when unknown (only the format is checked)
   * @param vendor the account's vendor, for messages; may be null
   */
  public static List<String> problems(
      String field, List<String> lists, Capabilities capabilities, String vendor) {
    List<String> problems = new ArrayList<>();
    if (lists == null || lists.isEmpty()) {
      return problems;
    }
    if (capabilities != null && !capabilities.lists()) {
      problems.add(
          field
              + ": "
              + (vendor == null ? "this vendor" : vendor)
              + " has no lists, so an account of it takes no list ids");
      return problems;
    }
    for (String id : lists) {
      if (!isValid(id)) {
        problems.add(
            field + ": '" + Texts.clip(id, 40) + "' is not a list id (a positive whole number)");
      }
    }
    return problems;
  }

  private ListIds() {}
}
