package dev.roster.worker.vendor;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.roster.worker.config.VendorType;

/**
 * How a vendor module registers its vendor: the type's declaration (for configuration and the
 * doors' checks) and its connector factory (for the worker), both keyed by the type's YAML name.
 */
public final class VendorBinder {
  private final MapBinder<String, VendorType> types;
  private final MapBinder<String, ConnectorFactory> connectors;

  private VendorBinder(Binder binder) {
    this.types = MapBinder.newMapBinder(binder, String.class, VendorType.class);
    this.connectors = MapBinder.newMapBinder(binder, String.class, ConnectorFactory.class);
  }

  /** The registries on {@code binder}; declaring them also makes an empty registry valid. */
  public static VendorBinder vendorBinder(Binder binder) {
    return new VendorBinder(requireNonNull(binder, "binder is null"));
  }

  /** Registers {@code type}, whose accounts get their connectors from {@code factory}. */
  public void bind(VendorType type, ConnectorFactory factory) {
    types.addBinding(type.yamlName()).toInstance(type);
    connectors.addBinding(type.yamlName()).toInstance(requireNonNull(factory, "factory is null"));
  }
}
