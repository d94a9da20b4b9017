package dev.roster.workflows.common;

/** What every request returns when it ends. */
public interface RequestResult {
  String outcome();

  String summary();

  RequestStatus status();
}
