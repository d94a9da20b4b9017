package dev.roster.workflows.offboard;

import dev.roster.workflows.request.Person;
import java.util.List;

/**
 * The input of OffboardUser.
 *
 * @param person who to offboard (the email is what vendors know them by)
 * @param accounts vendor account ids; null or empty means every configured account
 * @param erase also erase their contact data (irreversible: needs an approval)
 * @param ticket the ServiceNow ticket number, or null
 * @param requestedBy who asked; may never approve the erasure
 * @param planOnly discover and report the plan, change nothing
 */
public record OffboardRequest(
    Person person,
    List<String> accounts,
    boolean erase,
    String ticket,
    String requestedBy,
    boolean planOnly) {}
