package dev.roster.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link FakeHttpServer}'s routes: templates with {@code {param}} segments, where the route with
 * the most literal segments wins. Thread-safe.
 */
final class FakeRoutes {

  record Route(String method, String template, String[] segments, FakeHandler handler) {}

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  void add(String method, String template, FakeHandler handler) {
    routes.add(new Route(method.toUpperCase(Locale.ROOT), template, split(template), handler));
  }

  Optional<Match> match(String method, String[] segments) {
    Match best = null;
    int bestLiterals = -1;
    for (Route route : routes) {
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = bind(route.segments(), segments);
      int literals = literalCount(route.segments());
      if (params != null && literals > bestLiterals) {
        best = new Match(route, params);
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The methods some route accepts on this path, for a 405's Allow header. */
  TreeSet<String> allowedMethods(String[] segments) {
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      if (bind(route.segments(), segments) != null) {
        allowed.add(route.method());
      }
    }
    return allowed;
  }

  /** Path params if the raw segments fit the template, else null. */
  private static Map<String, String> bind(String[] template, String[] raw) {
    if (template.length != raw.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      String value = decode(raw[i]);
      if (t.startsWith("{") && t.endsWith("}")) {
        params.put(t.substring(1, t.length() - 1), value);
      } else if (!t.equals(value)) {
        return null;
      }
    }
    return params;
  }

  /** Percent-decodes a path segment; unlike form decoding, a literal '+' stays a '+'. */
  static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int literalCount(String[] template) {
    int n = 0;
    for (String s : template) {
      if (!s.startsWith("{")) {
        n++;
      }
    }
    return n;
  }

  static String[] split(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return parts.toArray(new String[0]);
  }
}
