package dev.roster.workflows.onboard;

import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.request.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of an amendment, checked by OnboardUser's update validator (before the amendment is
 * accepted into history) and again by its handler once the approval policy is known.
 */
final class OnboardAmendments {

  /**
   * Every reason to refuse {@code amendment} against the request as it stands; empty when it may be
   * applied.
   *
   * @param current the request's assignments by account, as they stand
   * @param policy the approval policy, or null while the workflow has not read it yet
   * @param ended why no amendment can apply any more (withdrawn, finishing), or null
   */
  static List<String> problems(
      OnboardAmendment amendment,
      Map<String, Assignment> current,
      ApprovalPolicy policy,
      String ended) {
    List<String> problems = new ArrayList<>();
    if (ended != null) {
      return List.of("the request cannot be amended: " + ended);
    }
    if (amendment == null || amendment.assignmentsOrEmpty().isEmpty()) {
      return List.of("assignments: nothing to add");
    }
    if (amendment.by() == null || amendment.by().isBlank()) {
      problems.add("by: missing (who amends the request)");
    }
    Set<String> seen = new HashSet<>();
    boolean adds = false;
    List<Assignment> assignments = amendment.assignmentsOrEmpty();
    for (int i = 0; i < assignments.size(); i++) {
      Assignment a = assignments.get(i);
      String at = "assignments[" + i + "]";
      if (a == null || a.account() == null || a.account().isBlank()) {
        problems.add(at + ".account: missing");
        continue;
      }
      if (!seen.add(a.account())) {
        problems.add(at + ".account: " + a.account() + " appears twice");
        continue;
      }
      problems.addAll(OnboardRequests.assignmentProblems(at, a));
      if (!a.attributesOrEmpty().isEmpty()) {
        problems.add(at + ".attributes: an amendment adds accounts and lists, not attributes");
      }
      Assignment running = current.get(a.account());
      if (running == null) {
        adds = true;
        if (policy != null && policy.isPrivileged(a.role())) {
          problems.add(
              at
                  + ".role: "
                  + a.role()
                  + " needs an approval of its own; ask for it in a separate request");
        }
      } else {
        if (a.role() != null && !sameRole(a.role(), running.role())) {
          problems.add(
              at
                  + ".role: "
                  + a.account()
                  + " runs with role "
                  + (running.role() == null ? "none (contact only)" : running.role())
                  + "; an amendment adds accounts and lists, it does not change a role");
        }
        adds |= !newLists(running, a).isEmpty();
      }
    }
    if (problems.isEmpty() && !adds) {
      problems.add("assignments: nothing to add, the running request already has all of it");
    }
    return problems;
  }

  /**
   * Applies an accepted amendment: a new account gets its own work (started with {@code inScope}),
   * a running account subscribes to the lists it lacks. Updates {@code current} and {@code
   * accounts}; returns what was added, in words.
   *
   * @param inScope runs a body in a withdrawable scope of its own and counts it as work
   */
  static List<String> apply(
      OnboardAmendment amendment,
      Map<String, Assignment> current,
      Map<String, AccountOnboarding> accounts,
      OnboardContext context,
      Consumer<Runnable> inScope) {
    List<String> added = new ArrayList<>();
    for (Assignment a : amendment.assignments()) {
      Assignment running = current.get(a.account());
      if (running == null) {
        Assignment fresh = new Assignment(a.account(), a.role(), a.listsOrEmpty(), null);
        AccountOnboarding account = new AccountOnboarding(fresh, false);
        accounts.put(a.account(), account);
        current.put(a.account(), fresh);
        inScope.accept(() -> account.run(context));
        added.add(
            a.account()
                + " (role "
                + (a.role() == null ? "none" : a.role())
                + (a.listsOrEmpty().isEmpty()
                    ? ""
                    : ", lists " + String.join(", ", a.listsOrEmpty()))
                + ")");
        continue;
      }
      List<String> lists = newLists(running, a);
      if (lists.isEmpty()) {
        continue;
      }
      List<String> merged = new ArrayList<>(running.listsOrEmpty());
      merged.addAll(lists);
      current.put(
          a.account(),
          new Assignment(running.account(), running.role(), merged, running.attributes()));
      AccountOnboarding account = accounts.get(a.account());
      inScope.accept(() -> account.addLists(context, lists, amendment.by()));
      added.add(a.account() + " lists " + String.join(", ", lists));
    }
    return added;
  }

  /** The lists of {@code added} that {@code running} does not have yet, in order. */
  static List<String> newLists(Assignment running, Assignment added) {
    Set<String> lists = new LinkedHashSet<>(added.listsOrEmpty());
    lists.removeAll(running.listsOrEmpty());
    return List.copyOf(lists);
  }

  /** The request's assignments by account, in request order. */
  static Map<String, Assignment> byAccount(List<Assignment> assignments) {
    Map<String, Assignment> out = new LinkedHashMap<>();
    if (assignments != null) {
      for (Assignment a : assignments) {
        if (a != null && a.account() != null) {
          out.putIfAbsent(a.account(), a);
        }
      }
    }
    return out;
  }

  private static boolean sameRole(String a, String b) {
    return b != null && Roles.normalize(a).equals(Roles.normalize(b));
  }

  private OnboardAmendments() {}
}
