package dev.roster.starter.local.sandbox;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.roster.worker.config.VendorType;

/** How a vendor's sandbox module registers its fake, keyed by the vendor type's YAML name. */
public final class SandboxBinder {
  private final MapBinder<String, SandboxFactory> fakes;

  private SandboxBinder(Binder binder) {
    this.fakes = MapBinder.newMapBinder(binder, String.class, SandboxFactory.class);
  }

  /** The registry on {@code binder}; declaring it also makes an empty registry valid. */
  public static SandboxBinder sandboxBinder(Binder binder) {
    return new SandboxBinder(requireNonNull(binder, "binder is null"));
  }

  /** Accounts of {@code type} on a sandbox get their fake from {@code factory}. */
  public void bind(VendorType type, SandboxFactory factory) {
    fakes.addBinding(type.yamlName()).toInstance(requireNonNull(factory, "factory is null"));
  }
}
