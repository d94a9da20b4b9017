package dev.roster.workflows.onboard;

import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import java.util.List;

/**
 * The state or the outcome of the work on one vendor account.
 *
 * @param account the account id
 * @param vendor its vendor type, or null when the account is unknown
 * @param outcome {@code DONE} when everything asked is in place, else the state that stopped it
 * @param steps each step in order
 */
public record AccountReport(String account, String vendor, StepState outcome, List<Step> steps) {}
