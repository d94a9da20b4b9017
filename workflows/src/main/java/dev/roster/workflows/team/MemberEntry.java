package dev.roster.workflows.team;

/** One row of a vendor's member/invitation listing. */
public record MemberEntry(String email, MemberStatus status) {}
