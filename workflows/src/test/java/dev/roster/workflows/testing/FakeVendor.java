package dev.roster.workflows.testing;

import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every vendor account's team and contacts as one stateful fake, keyed by account and email, with
 * failures injected per operation. Answers like the activity contracts say (idempotent where they
 * are); tests assert on its state and on the operations it saw.
 */
public final class FakeVendor implements TeamActivities, ContactActivities {

  /** A contact as the fake keeps it. */
  public record Contact(Set<String> lists, boolean suppressed) {}

  private final Map<String, MemberStatus> members = new HashMap<>();
  private final Map<String, String> roles = new HashMap<>();
  private final Map<String, Contact> contacts = new HashMap<>();
  private final Set<String> immediate = new HashSet<>();
  private final Map<String, List<String>> failures = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  /** Members of {@code account} are active as soon as they are invited. */
  public synchronized FakeVendor immediate(String account) {
    immediate.add(account);
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} (e.g. {@code subscribe}) fail with an {@code
   * ApplicationFailure} of {@code type}; retried or not as the workflow's retry options say.
   */
  public synchronized FakeVendor fail(String operation, int times, String type) {
    for (int i = 0; i < times; i++) {
      failures.computeIfAbsent(operation, k -> new ArrayList<>()).add(type);
    }
    return this;
  }

  public synchronized FakeVendor member(String account, String email, MemberStatus status) {
    members.put(key(account, email), status);
    return this;
  }

  public synchronized FakeVendor contact(String account, String email, String... lists) {
    contacts.put(key(account, email), new Contact(new LinkedHashSet<>(List.of(lists)), false));
    return this;
  }

  /** The person accepted the invitation (at the vendor; nobody signals the workflow). */
  public synchronized void accept(String account, String email) {
    members.put(key(account, email), MemberStatus.ACTIVE);
  }

  public synchronized MemberStatus memberOf(String account, String email) {
    return members.getOrDefault(key(account, email), MemberStatus.ABSENT);
  }

  /** The role last given by {@link #invite} or {@link #changeRole}, or null. */
  public synchronized String roleOf(String account, String email) {
    return roles.get(key(account, email));
  }

  public synchronized Optional<Contact> contactOf(String account, String email) {
    return Optional.ofNullable(contacts.get(key(account, email)));
  }

  /** How many times {@code operation} was called (failed calls included). */
  public synchronized long count(String operation) {
    return calls.stream().filter(c -> c.startsWith(operation + " ")).count();
  }

  /** Every call, oldest first, as {@code "operation account email"} (+ {@code " failed"}). */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  private void call(String operation, String account, String email) {
    List<String> pending = failures.get(operation);
    if (pending != null && !pending.isEmpty()) {
      String type = pending.remove(0);
      calls.add(operation + " " + account + " " + email + " failed");
      throw ApplicationFailure.newFailure(operation + " refused by the fake", type);
    }
    calls.add(operation + " " + account + " " + email);
  }

  private static String key(String account, String email) {
    return account + "/" + email;
  }

  @Override
  public synchronized InviteOutcome invite(String account, String email, String role) {
    call("invite", account, email);
    MemberStatus now = memberOf(account, email);
    if (now == MemberStatus.ACTIVE) {
      return InviteOutcome.ALREADY_ACTIVE;
    }
    if (now == MemberStatus.PENDING) {
      return InviteOutcome.ALREADY_PENDING;
    }
    roles.put(key(account, email), role);
    if (immediate.contains(account)) {
      members.put(key(account, email), MemberStatus.ACTIVE);
      return InviteOutcome.ACTIVE;
    }
    members.put(key(account, email), MemberStatus.PENDING);
    return InviteOutcome.INVITED;
  }

  @Override
  public synchronized List<MemberEntry> listMembers(String account) {
    call("listMembers", account, "-");
    return members.entrySet().stream()
        .filter(e -> e.getKey().startsWith(account + "/"))
        .map(e -> new MemberEntry(e.getKey().substring(account.length() + 1), e.getValue()))
        .toList();
  }

  @Override
  public synchronized MemberStatus memberStatus(String account, String email) {
    call("memberStatus", account, email);
    return memberOf(account, email);
  }

  @Override
  public synchronized RoleChange changeRole(String account, String email, String role) {
    call("changeRole", account, email);
    MemberStatus now = memberOf(account, email);
    if (now == MemberStatus.ABSENT) {
      return RoleChange.ABSENT;
    }
    roles.put(key(account, email), role);
    return now == MemberStatus.PENDING ? RoleChange.REINVITED : RoleChange.CHANGED;
  }

  @Override
  public synchronized int unsubscribe(String account, String email, List<String> listIds) {
    call("unsubscribe", account, email);
    Contact c = contacts.get(key(account, email));
    if (c == null) {
      return 0;
    }
    Set<String> lists = new LinkedHashSet<>(c.lists());
    int before = lists.size();
    lists.removeAll(listIds);
    contacts.put(key(account, email), new Contact(lists, c.suppressed()));
    return before - lists.size();
  }

  @Override
  public synchronized void resendInvitation(String account, String email) {
    call("resendInvitation", account, email);
  }

  @Override
  public synchronized MemberStatus cancelInvitation(String account, String email) {
    call("cancelInvitation", account, email);
    MemberStatus before = memberOf(account, email);
    if (before == MemberStatus.PENDING) {
      members.remove(key(account, email));
    }
    return before;
  }

  @Override
  public synchronized void removeMember(String account, String email) {
    call("removeMember", account, email);
    members.remove(key(account, email));
  }

  @Override
  public synchronized ContactOutcome upsertContact(String account, ContactData contact) {
    call("upsertContact", account, contact.email());
    Contact before =
        contacts.putIfAbsent(key(account, contact.email()), new Contact(Set.of(), false));
    return before == null ? ContactOutcome.CREATED : ContactOutcome.UPDATED;
  }

  @Override
  public synchronized void subscribe(String account, String email, List<String> listIds) {
    call("subscribe", account, email);
    Contact c = contacts.get(key(account, email));
    if (c == null) {
      throw ApplicationFailure.newNonRetryableFailure("no contact", FailureTypes.CONTACT_MISSING);
    }
    Set<String> lists = new LinkedHashSet<>(c.lists());
    lists.addAll(listIds);
    contacts.put(key(account, email), new Contact(lists, c.suppressed()));
  }

  @Override
  public synchronized ContactFootprint findContact(String account, String email) {
    call("findContact", account, email);
    Contact c = contacts.get(key(account, email));
    return c == null
        ? ContactFootprint.absent()
        : new ContactFootprint(true, List.copyOf(c.lists()), c.suppressed());
  }

  @Override
  public synchronized int unsubscribeAll(String account, String email) {
    call("unsubscribeAll", account, email);
    Contact c = contacts.get(key(account, email));
    if (c == null) {
      return 0;
    }
    contacts.put(key(account, email), new Contact(Set.of(), c.suppressed()));
    return c.lists().size();
  }

  @Override
  public synchronized boolean suppress(String account, String email) {
    call("suppress", account, email);
    Contact c = contacts.get(key(account, email));
    if (c == null || c.suppressed()) {
      return false;
    }
    contacts.put(key(account, email), new Contact(c.lists(), true));
    return true;
  }

  @Override
  public synchronized EraseOutcome erase(String account, String email) {
    call("erase", account, email);
    return contacts.remove(key(account, email)) == null
        ? new EraseOutcome(EraseOutcome.Result.ABSENT, "nothing there")
        : new EraseOutcome(EraseOutcome.Result.ERASED, "gone");
  }
}
