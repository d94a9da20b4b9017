package dev.roster.starter.http;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.roster.worker.RosterWorker;

/** Readiness of a process that runs the worker: its pollers run ({@link RosterWorker#polling}). */
public final class PollersReady extends AbstractModule {
  @ProvidesIntoSet
  ReadinessCheck pollers(RosterWorker worker) {
    return ReadinessCheck.of("pollers", worker::polling);
  }
}
