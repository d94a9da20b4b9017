package dev.roster.workflows.approval;

/**
 * An approver's answer, carried by the {@code approve} and {@code reject} signals.
 *
 * @param by who decided (a user name or ServiceNow sys_id); never the requester
 * @param comment free text shown in the status and the final report
 * @param source where the decision came from: {@code cli}, {@code servicenow}, {@code temporal-cli}
 */
public record Decision(String by, String comment, String source) {}
