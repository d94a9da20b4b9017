package dev.roster.workflows.offboard;

import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.tasks.ManualTasks;
import java.time.Duration;

/**
 * What every account's work in one OffboardUser shares.
 *
 * @param manualRemovalBeside await manual removals beside the other steps (version 1); histories
 *     recorded before awaited them in place
 */
public record OffboardContext(
    Person person,
    boolean erase,
    String ticket,
    ControlActivities control,
    ManualTasks tasks,
    Duration remindEvery,
    boolean manualRemovalBeside) {}
