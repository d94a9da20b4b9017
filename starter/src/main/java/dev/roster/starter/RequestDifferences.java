package dev.roster.starter;

import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.request.Emails;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.request.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between the request running under a workflow id and one asking again under the same
 * id. Equal means a repeat (a redelivered webhook, the same command run twice) that may attach to
 * the running one. Emails are compared normalised and shown masked; names only by field.
 */
final class RequestDifferences {

  /** Every difference of {@code asked} from {@code running}; empty when they ask the same. */
  static List<String> onboard(OnboardRequest running, OnboardRequest asked) {
    List<String> out = new ArrayList<>(person(running.person(), asked.person()));
    requester(running.requestedBy(), asked.requestedBy(), out);
    Map<String, Assignment> was = byAccount(running.assignments());
    Map<String, Assignment> now = byAccount(asked.assignments());
    for (Assignment a : now.values()) {
      Assignment r = was.get(a.account());
      if (r == null) {
        out.add(a.account() + ": not in the running request");
        continue;
      }
      if (!Objects.equals(role(r.role()), role(a.role()))) {
        out.add(
            a.account() + ": role " + shown(r.role()) + " running, " + shown(a.role()) + " here");
      }
      if (!new TreeSet<>(r.listsOrEmpty()).equals(new TreeSet<>(a.listsOrEmpty()))) {
        out.add(
            a.account()
                + ": lists "
                + lists(r.listsOrEmpty())
                + " running, "
                + lists(a.listsOrEmpty())
                + " here");
      }
      if (!r.attributesOrEmpty().equals(a.attributesOrEmpty())) {
        out.add(a.account() + ": attributes differ");
      }
    }
    for (String account : was.keySet()) {
      if (!now.containsKey(account)) {
        out.add(account + ": in the running request, not in this one");
      }
    }
    return out;
  }

  /** What {@code after} has that {@code before} has not: accounts, and lists per account. */
  static List<String> added(OnboardRequest before, OnboardRequest after) {
    List<String> out = new ArrayList<>();
    Map<String, Assignment> was = byAccount(before.assignments());
    for (Assignment a : byAccount(after.assignments()).values()) {
      Assignment r = was.get(a.account());
      if (r == null) {
        out.add(
            a.account()
                + " (role "
                + shown(a.role())
                + (a.listsOrEmpty().isEmpty() ? "" : ", lists " + lists(a.listsOrEmpty()))
                + ")");
        continue;
      }
      List<String> lists = new ArrayList<>(a.listsOrEmpty());
      lists.removeAll(r.listsOrEmpty());
      if (!lists.isEmpty()) {
        out.add(a.account() + " lists " + String.join(", ", lists));
      }
    }
    return out;
  }

  /**
   * Every difference of {@code asked} from {@code running}; empty when they ask the same. No
   * accounts means every configured account, so {@code []} and the full list are the same.
   */
  static List<String> offboard(
      OffboardRequest running, OffboardRequest asked, Collection<String> configured) {
    List<String> out = new ArrayList<>(person(running.person(), asked.person()));
    requester(running.requestedBy(), asked.requestedBy(), out);
    if (running.erase() != asked.erase()) {
      out.add("erase: " + (running.erase() ? "yes" : "no") + " running, " + yesNo(asked.erase()));
    }
    Set<String> was = accounts(running.accounts(), configured);
    Set<String> now = accounts(asked.accounts(), configured);
    if (!was.equals(now)) {
      out.add("accounts: " + String.join(", ", was) + " running, " + String.join(", ", now));
    }
    return out;
  }

  private static List<String> person(Person running, Person asked) {
    List<String> out = new ArrayList<>();
    String was = running == null ? "" : running.normalizedEmail();
    String now = asked == null ? "" : asked.normalizedEmail();
    if (!was.equals(now)) {
      out.add("person.email: " + Emails.mask(was) + " running, " + Emails.mask(now) + " here");
    }
    if (running != null && asked != null) {
      given("person.firstName", running.firstName(), asked.firstName(), out);
      given("person.lastName", running.lastName(), asked.lastName(), out);
    }
    return out;
  }

  /** A name this request gives that differs from the running one (not given is not a change). */
  private static void given(String field, String running, String asked, List<String> out) {
    if (asked != null && !asked.isBlank() && !asked.trim().equals(trim(running))) {
      out.add(field + ": differs from the running request");
    }
  }

  private static void requester(String running, String asked, List<String> out) {
    if (!lower(running).equals(lower(asked))) {
      out.add("requestedBy: " + running + " running, " + asked + " here");
    }
  }

  private static Map<String, Assignment> byAccount(List<Assignment> assignments) {
    Map<String, Assignment> out = new LinkedHashMap<>();
    if (assignments != null) {
      assignments.stream()
          .filter(a -> a != null && a.account() != null)
          .forEach(a -> out.putIfAbsent(a.account(), a));
    }
    return out;
  }

  private static Set<String> accounts(List<String> accounts, Collection<String> configured) {
    return new TreeSet<>(accounts == null || accounts.isEmpty() ? configured : accounts);
  }

  private static String role(String role) {
    return role == null ? null : Roles.normalize(role).orElse(role.trim());
  }

  private static String shown(String role) {
    return role == null ? "none" : role;
  }

  private static String lists(List<String> lists) {
    return lists.isEmpty() ? "none" : String.join(", ", lists);
  }

  private static String yesNo(boolean value) {
    return value ? "yes here" : "no here";
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static String lower(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
  }

  private RequestDifferences() {}
}
