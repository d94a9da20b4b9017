package dev.roster.workflows.request;

/** What every request returns when it ends. */
public interface RequestResult {
  String outcome();

  String summary();

  RequestStatus status();
}
