package dev.roster.workflows.offboard;

import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.team.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What offboarding will do on one account, from what discovery found there and what the account's
 * API can do. Pure functions, safe in workflow code.
 */
final class OffboardPlanning {

  /**
   * The actions in order, in plain words; empty when there is nothing to do.
   *
   * @param member the person's team standing; null where the vendor has no team API
   * @param erase whether the request asks for erasure
   */
  static List<String> actions(
      Capabilities can, MemberStatus member, ContactFootprint contact, boolean erase) {
    List<String> actions = new ArrayList<>();
    if (member == null) {
      actions.add("a person checks and removes team access (no API: manual task)");
    } else if (member == MemberStatus.PENDING) {
      actions.add("cancel the pending invitation");
    } else if (member == MemberStatus.ACTIVE) {
      actions.add("remove team access");
    }
    if (can.lists() && !contact.lists().isEmpty()) {
      actions.add("unsubscribe from lists " + String.join(", ", contact.lists()));
    }
    if (suppressible(can, member, contact)) {
      actions.add("suppress the address");
    }
    if (erase && can.erasure() && contact.exists()) {
      actions.add("erase the contact data (after an approval)");
    }
    return actions;
  }

  /**
   * Suppress only where the vendor knows the person (a contact, or team access): suppressing an
   * unknown address would create a record about someone the vendor never had.
   */
  static boolean suppressible(Capabilities can, MemberStatus member, ContactFootprint contact) {
    boolean known = contact.exists() || (member != null && member != MemberStatus.ABSENT);
    return can.suppression() && known && !contact.suppressed();
  }

  private OffboardPlanning() {}
}
