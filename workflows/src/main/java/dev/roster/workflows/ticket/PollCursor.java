package dev.roster.workflows.ticket;

import java.util.List;

/**
 * Where poll mode stands: tickets changed at or after {@code watermark} (ServiceNow's {@code
 * sys_updated_on}, UTC {@code yyyy-MM-dd HH:mm:ss}, one-second precision) are read again, and those
 * in {@code seen} (sys_ids already handled at exactly that time) are skipped.
 *
 * @param watermark null before the first poll: then only tickets changed from now on count
 */
public record PollCursor(String watermark, List<String> seen) {}
