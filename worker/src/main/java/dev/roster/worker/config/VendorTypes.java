package dev.roster.worker.config;

import com.google.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor types this process knows, keyed by their YAML name, in registration order: what the
 * vendor modules contributed. Configuration reads type names, defaults and families from here.
 */
public final class VendorTypes {
  private final Map<String, VendorType> types;

  @Inject
  public VendorTypes(Map<String, VendorType> types) {
    types.forEach(
        (name, type) -> {
          if (!name.equals(type.yamlName())) {
            throw new IllegalArgumentException(
                "vendor type " + type.yamlName() + " registered as " + name);
          }
        });
    this.types = new LinkedHashMap<>(types);
  }

  /** A registry of exactly these types (tests). */
  public static VendorTypes of(List<VendorType> types) {
    Map<String, VendorType> byName = new LinkedHashMap<>();
    types.forEach(t -> byName.put(t.yamlName(), t));
    return new VendorTypes(byName);
  }

  /** The type with this YAML name (lower case), if any. */
  public Optional<VendorType> find(String yamlName) {
    return Optional.ofNullable(types.get(yamlName));
  }

  /** {@code brevo, mailjet, mailersend, listmonk}: for error messages. */
  public String yamlNames() {
    return String.join(", ", types.keySet());
  }

  /** Every type, in registration order. */
  public Collection<VendorType> all() {
    return List.copyOf(types.values());
  }
}
