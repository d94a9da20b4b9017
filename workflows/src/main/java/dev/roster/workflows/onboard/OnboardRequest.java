package dev.roster.workflows.onboard;

import dev.roster.workflows.request.Person;
import java.util.List;

/**
 * The input of OnboardUser. This is the JSON that {@code temporal workflow start --type OnboardUser
 * --input ...} sends.
 *
 * @param person who to onboard
 * @param assignments one per vendor account
 * @param ticket the ServiceNow ticket number, or null
 * @param requestedBy who asked; may never approve this request
 */
public record OnboardRequest(
    Person person, List<Assignment> assignments, String ticket, String requestedBy) {}
