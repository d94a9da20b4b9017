package dev.roster.starter.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.starter.servicenow.WebhookRejection.Kind;
import dev.roster.workflows.request.Roles;
import dev.roster.workflows.request.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which catalog variable holds which Roster input. Defaults ({@link #DEFAULTS}) fit the catalog
 * item SETUP.md describes; a configuration override map replaces any of them by input name, e.g.
 * {@code {"email": "u_new_hire_email"}}. Unknown input names fail at construction. Thread-safe.
 */
public final class VariableMapping {
  /** Roster input -> default catalog variable name. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
  private static final Set<String> TRUE = Set.of("true", "yes", "1", "on");
  private static final Set<String> FALSE = Set.of("false", "no", "0", "off", "");

  private final Map<String, String> variables;

  /**
   * @param overrides Roster input name -> catalog variable name; keys must be among {@link
   *     #DEFAULTS}
   * @throws IllegalArgumentException naming an unknown input or a blank variable name
   */
  public VariableMapping(Map<String, String> overrides) {
    requireNonNull(overrides, "overrides is null");
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    overrides.forEach(
        (input, variable) -> {
          if (!DEFAULTS.containsKey(input)) {
            throw new IllegalArgumentException(
                "servicenow variable mapping: unknown input '"
                    + input
                    + "', expected one of "
                    + String.join(", ", DEFAULTS.keySet()));
          }
          if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException(
                "servicenow variable mapping: '" + input + "' needs a variable name");
          }
          merged.put(input, variable.trim());
        });
    this.variables = Map.copyOf(merged);
  }

  /** The default mapping. */
  public static VariableMapping defaultMapping() {
    return new VariableMapping(Map.of());
  }

  /** The catalog variable that holds a Roster input, e.g. {@code variable("email")}. */
  public String variable(String input) {
    String name = variables.get(input);
    if (name == null) {
      throw new IllegalArgumentException("unknown input " + input);
    }
    return name;
  }

  /**
   * Reads the inputs an event needs from its variables.
   *
   * @param configuredAccounts the vendor account ids Roster knows
   * @throws WebhookRejection INVALID listing every problem as {@code variables.<name>: ...}
   */
  public TicketInputs map(
      WebhookEvent.Type type, Map<String, String> values, Set<String> configuredAccounts) {
    if (type == WebhookEvent.Type.APPROVAL) {
      throw new IllegalArgumentException("approval events carry no inputs to map");
    }
    List<String> errors = new ArrayList<>();
    String email = null;
    if (type != WebhookEvent.Type.BULK_IMPORT) {
      email = value(values, "email");
      if (email == null) {
        errors.add(path("email") + ": required");
      } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
        errors.add(path("email") + ": not an email address");
      }
    }
    List<String> accounts = split(value(values, "accounts"));
    if (accounts.isEmpty() && type != WebhookEvent.Type.OFFBOARD) {
      errors.add(path("accounts") + ": required");
    }
    List<String> unknown = accounts.stream().filter(a -> !configuredAccounts.contains(a)).toList();
    if (!unknown.isEmpty()) {
      errors.add(path("accounts") + ": unknown vendor account(s) " + String.join(", ", unknown));
    }
    Map<String, List<String>> lists =
        lists("lists", split(value(values, "lists")), accounts, errors);
    Map<String, List<String>> removeLists =
        lists("remove_lists", split(value(values, "remove_lists")), accounts, errors);
    if (!removeLists.isEmpty() && type != WebhookEvent.Type.CHANGE) {
      errors.add(path("remove_lists") + ": only a change ticket removes lists");
    }
    String role = value(values, "role");
    if (role != null) {
      role = Roles.normalize(role).orElse(null);
      if (role == null) {
        errors.add(path("role") + ": must be one of " + String.join(", ", Roles.ALL));
      }
    }
    for (String input : DEFAULTS.keySet()) {
      String v = values.get(variables.get(input));
      Texts.unsafeCharacter(v, false).ifPresent(c -> errors.add(path(input) + ": contains " + c));
    }
    String eraseText = String.valueOf(value(values, "erase")).toLowerCase(Locale.ROOT);
    boolean erase = TRUE.contains(eraseText);
    if (!erase && !FALSE.contains(eraseText) && !eraseText.equals("null")) {
      errors.add(path("erase") + ": must be true or false");
    }
    String attachment = value(values, "import_attachment");
    if (attachment == null && type == WebhookEvent.Type.BULK_IMPORT) {
      errors.add(path("import_attachment") + ": required (the Attachment variable with the CSV)");
    } else if (attachment != null && !SYS_ID.matcher(attachment).matches()) {
      errors.add(path("import_attachment") + ": must be an attachment sys_id");
    }
    if (!errors.isEmpty()) {
      throw new WebhookRejection(Kind.INVALID, errors);
    }
    return new TicketInputs(
        email == null ? null : email.trim(),
        value(values, "first_name"),
        value(values, "last_name"),
        accounts,
        lists,
        removeLists,
        role,
        erase,
        attachment);
  }

  private Map<String, List<String>> lists(
      String input, List<String> entries, List<String> accounts, List<String> errors) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      List<String> targets = colon < 0 ? accounts : List.of(entry.substring(0, colon));
      String list = colon < 0 ? entry : entry.substring(colon + 1);
      if (colon >= 0 && !accounts.contains(targets.get(0))) {
        errors.add(path(input) + ": " + targets.get(0) + " is not among the selected accounts");
        continue;
      }
      targets.forEach(a -> out.computeIfAbsent(a, k -> new ArrayList<>()).add(list));
    }
    out.replaceAll((k, v) -> List.copyOf(new LinkedHashSet<>(v)));
    return out;
  }

  /** A trimmed variable value, or null when absent or blank. */
  private String value(Map<String, String> values, String input) {
    String v = values.get(variables.get(input));
    return v == null || v.isBlank() ? null : v.trim();
  }

  private String path(String input) {
    return "variables." + variables.get(input);
  }

  private static List<String> split(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(SEPARATORS.split(value)).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("email", "email");
    d.put("first_name", "first_name");
    d.put("last_name", "last_name");
    d.put("accounts", "vendor_accounts");
    d.put("lists", "lists");
    d.put("remove_lists", "remove_lists");
    d.put("role", "role");
    d.put("erase", "erase_data");
    d.put("import_attachment", "import_file");
    return Collections.unmodifiableMap(d);
  }
}
