package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * The rows asking for team access in one stretch of the source. Reading the same position again
 * gives the same batch, so a run can resume a batch part-way by skipping the rows it started.
 *
 * @param rows the valid rows with a team role, in source order
 * @param next where the next batch starts
 * @param last whether this batch reached the end of the source
 */
public record InviteBatch(List<InviteRow> rows, ChunkPosition next, boolean last) {}
