package dev.roster.workflows.offboard;

import dev.roster.workflows.common.ControlActivities;
import dev.roster.workflows.common.Person;
import dev.roster.workflows.tasks.ManualTasks;
import java.time.Duration;

/** What every account's work in one OffboardUser shares. */
record OffboardContext(
    Person person,
    boolean erase,
    String ticket,
    ControlActivities control,
    ManualTasks tasks,
    Duration remindEvery) {}
