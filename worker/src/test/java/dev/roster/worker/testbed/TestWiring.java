package dev.roster.worker.testbed;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.ServiceNowModule;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.WorkerModule;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.vendor.Vendors;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The production wiring ({@code TemporalModule}, {@code WorkerModule}, the vendor modules and, when
 * given, {@code ServiceNowModule}) on a test environment: what {@code roster worker} installs, with
 * the accounts, imports and subject key a testbed chose, and test overrides applied with {@link
 * Modules#override}.
 */
public final class TestWiring {
  private final Injector temporal;

  /** The environment, built from the production data converter. */
  public final TestWorkflowEnvironment env;

  /**
   * @param timeSkipping a time-skipping test server, or one on the real clock
   */
  public TestWiring(boolean timeSkipping) {
    this(timeSkipping, List.of());
  }

  /**
   * @param timeSkipping a time-skipping test server, or one on the real clock
   * @param beside production modules installed beside {@code TemporalModule}, e.g. {@code
   *     MetricsModule} (the environment then reports to its registry)
   */
  public TestWiring(boolean timeSkipping, List<Module> beside) {
    List<Module> base = new ArrayList<>(beside);
    base.add(new TemporalModule(TemporalConfig.DEFAULTS, Map.of(), TestPayloadKeys.K1));
    temporal =
        Guice.createInjector(Modules.override(base).with(new TestTemporalModule(timeSkipping)));
    env = temporal.getInstance(TestWorkflowEnvironment.class);
  }

  /** What the environment's injector binds, e.g. the metrics registry of {@code MetricsModule}. */
  public <T> T instance(Class<T> type) {
    return temporal.getInstance(type);
  }

  /**
   * What a testbed's worker serves; {@code servicenow} empty for none; {@code modules} production
   * modules a role adds (e.g. the starter's poll mode).
   */
  public record Worker(
      RosterConfig config,
      List<VendorAccount> accounts,
      SubjectHasher subjects,
      ImportSetup imports,
      Optional<ServiceNowSetup> servicenow,
      List<Module> modules) {
    public Worker {
      requireNonNull(config, "config is null");
      accounts = List.copyOf(accounts);
      requireNonNull(subjects, "subjects is null");
      requireNonNull(imports, "imports is null");
      requireNonNull(servicenow, "servicenow is null");
      modules = List.copyOf(modules);
    }

    /** With imports and ServiceNow as given, no further modules. */
    public Worker(
        RosterConfig config,
        List<VendorAccount> accounts,
        SubjectHasher subjects,
        ImportSetup imports,
        Optional<ServiceNowSetup> servicenow) {
      this(config, accounts, subjects, imports, servicenow, List.of());
    }

    /** Without imports or ServiceNow. */
    public Worker(RosterConfig config, List<VendorAccount> accounts, SubjectHasher subjects) {
      this(config, accounts, subjects, ImportSetup.disabled(), Optional.empty());
    }
  }

  /** Registers {@code worker} on the environment's factory (started with the environment). */
  public RosterWorker register(Worker worker, Module... overrides) {
    return register(env.getWorkerFactory(), worker, overrides);
  }

  /** Registers {@code worker} on {@code factory}, e.g. a second worker of a restart test. */
  public RosterWorker register(WorkerFactory factory, Worker worker, Module... overrides) {
    return injector(factory, worker, overrides).getInstance(RosterWorker.class);
  }

  /** The worker's injector, for a test that looks at what it binds. */
  public Injector injector(WorkerFactory factory, Worker worker, Module... overrides) {
    List<Module> production = new ArrayList<>();
    production.add(new ConfigModule(worker.config(), Map.of()));
    production.add(new WorkerModule());
    production.addAll(Vendors.modules());
    worker.servicenow().map(ServiceNowModule::new).ifPresent(production::add);
    production.addAll(worker.modules());
    List<Module> tests = new ArrayList<>();
    tests.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(WorkerFactory.class).toInstance(factory);
            bind(new TypeLiteral<List<VendorAccount>>() {}).toInstance(worker.accounts());
            bind(ImportSetup.class).toInstance(worker.imports());
            bind(SubjectHasher.class).toInstance(worker.subjects());
          }
        });
    tests.addAll(List.of(overrides));
    return temporal.createChildInjector(Modules.override(production).with(tests));
  }
}
