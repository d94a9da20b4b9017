package dev.roster.sandbox.servicenow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sysparm_query}: AND ({@code ^}) of OR groups ({@code ^OR}) of conditions, plus
 * {@code ORDERBY}/{@code ORDERBYDESC}. Operators: = != > >= < <= IN, NOT IN, STARTSWITH, ENDSWITH,
 * LIKE, NOT LIKE, ISEMPTY, ISNOTEMPTY. Values may be {@code
 * javascript:gs.dateGenerate('yyyy-MM-dd','HH:mm:ss')}, read as UTC (a real instance uses the
 * user's time zone).
 *
 * <p>Deliberately louder than ServiceNow, which silently ignores what it cannot parse: anything the
 * fake does not understand ({@code ^NQ}, other javascript, unknown operators) is a {@link
 * ServiceNowError} 400, so a client bug fails a test instead of matching every row.
 */
final class EncodedQuery {
  private static final Pattern CONDITION =
      Pattern.compile(
          "^([a-z0-9_.]+)(ISNOTEMPTY|ISEMPTY|NOT IN|NOT LIKE|STARTSWITH|ENDSWITH|LIKE|IN|!=|>=|<=|=|>|<)(.*)$",
          Pattern.DOTALL);
  private static final Pattern DATE_GENERATE =
      Pattern.compile(
          "^javascript:gs\\.dateGenerate\\('(\\d{4}-\\d{2}-\\d{2})','(\\d{2}:\\d{2}:\\d{2})'\\)$");

  private record Condition(String field, String op, String value) {}

  private record Order(String field, boolean descending) {}

  private final List<List<Condition>> groups;
  private final List<Order> orders;

  private EncodedQuery(List<List<Condition>> groups, List<Order> orders) {
    this.groups = groups;
    this.orders = orders;
  }

  static EncodedQuery parse(String query) {
    List<List<Condition>> groups = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    if (query == null || query.isBlank()) {
      return new EncodedQuery(groups, orders);
    }
    if (query.contains("^NQ")) {
      throw ServiceNowError.badRequest("sandbox does not support ^NQ in sysparm_query");
    }
    for (String term : query.split("\\^")) {
      if (term.isEmpty()) {
        continue;
      }
      if (term.startsWith("ORDERBYDESC")) {
        orders.add(new Order(term.substring("ORDERBYDESC".length()), true));
      } else if (term.startsWith("ORDERBY")) {
        orders.add(new Order(term.substring("ORDERBY".length()), false));
      } else if (term.startsWith("OR")) {
        if (groups.isEmpty()) {
          throw ServiceNowError.badRequest("sysparm_query starts with ^OR");
        }
        groups.get(groups.size() - 1).add(condition(term.substring(2)));
      } else {
        groups.add(new ArrayList<>(List.of(condition(term))));
      }
    }
    return new EncodedQuery(groups, orders);
  }

  private static Condition condition(String term) {
    Matcher m = CONDITION.matcher(term);
    if (!m.matches()) {
      throw ServiceNowError.badRequest("sandbox cannot parse query term: " + term);
    }
    String value = m.group(3);
    if (value.startsWith("javascript:")) {
      Matcher date = DATE_GENERATE.matcher(value);
      if (!date.matches()) {
        throw ServiceNowError.badRequest("sandbox supports only gs.dateGenerate: " + value);
      }
      value = date.group(1) + " " + date.group(2);
    }
    return new Condition(m.group(1), m.group(2), value);
  }

  /** Whether a row matches; {@code resolve} reads a (possibly dot-walked) column, "" if absent. */
  boolean matches(Function<String, String> resolve) {
    for (List<Condition> group : groups) {
      if (group.stream().noneMatch(c -> test(c, resolve.apply(c.field())))) {
        return false;
      }
    }
    return true;
  }

  /** Sorts rows in place by the ORDERBY terms (stable: ties keep insertion order). */
  void sort(
      List<Map<String, String>> rows, Function<Map<String, String>, Function<String, String>> r) {
    Comparator<Map<String, String>> order = null;
    for (Order o : orders) {
      Comparator<Map<String, String>> c =
          Comparator.comparing(row -> r.apply(row).apply(o.field()), EncodedQuery::compare);
      c = o.descending() ? c.reversed() : c;
      order = order == null ? c : order.thenComparing(c);
    }
    if (order != null) {
      rows.sort(order);
    }
  }

  private static boolean test(Condition c, String actual) {
    String v = c.value();
    return switch (c.op()) {
      case "=" -> actual.equals(v);
      case "!=" -> !actual.equals(v);
      case ">" -> compare(actual, v) > 0;
      case ">=" -> compare(actual, v) >= 0;
      case "<" -> compare(actual, v) < 0;
      case "<=" -> compare(actual, v) <= 0;
      case "IN" -> Arrays.asList(v.split(",")).contains(actual);
      case "NOT IN" -> !Arrays.asList(v.split(",")).contains(actual);
      case "STARTSWITH" -> actual.startsWith(v);
      case "ENDSWITH" -> actual.endsWith(v);
      case "LIKE" -> actual.contains(v);
      case "NOT LIKE" -> !actual.contains(v);
      case "ISEMPTY" -> actual.isEmpty();
      case "ISNOTEMPTY" -> !actual.isEmpty();
      default -> throw new IllegalStateException("operator " + c.op());
    };
  }

  /** Numbers compare as numbers; everything else (glide date-times included) lexically. */
  private static int compare(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    } catch (NumberFormatException notNumbers) {
      return a.compareTo(b);
    }
  }
}
