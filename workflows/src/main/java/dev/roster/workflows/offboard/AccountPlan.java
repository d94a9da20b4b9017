package dev.roster.workflows.offboard;

import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.team.MemberStatus;
import java.util.List;

/**
 * What was found on one vendor account and what offboarding will do there.
 *
 * @param account the account id
 * @param vendor its vendor type
 * @param team the person's team standing; null where the vendor has no team API (a person checks)
 * @param contact the contact found
 * @param actions what will be done, in order, in plain words; empty means nothing to do
 */
public record AccountPlan(
    String account,
    String vendor,
    MemberStatus team,
    ContactFootprint contact,
    List<String> actions) {}
