package dev.roster.starter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.roster.starter.local.sandbox.SandboxVendors;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.VendorType;
import dev.roster.worker.config.VendorTypes;
import dev.roster.worker.vendor.ConnectorFactory;
import dev.roster.worker.vendor.VendorConnectors;
import dev.roster.worker.vendor.Vendors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every vendor type is a complete plug-in, as docs/adding-a-vendor.md lists it: its own module, a
 * sandbox fake its connectors can talk to, a contract test, and a row in the README's vendor table.
 */
class VendorPluginsTest {
  private static final Path ROOT = Path.of("..");

  private final List<VendorType> types = List.copyOf(Vendors.types().all());

  @Test
  void rostersFourVendorsAreRegistered() {
    assertThat(types)
        .extracting(VendorType::yamlName)
        .startsWith("brevo", "mailjet", "mailersend", "listmonk");
  }

  @Test
  void eachTypeHasAModuleOfItsOwn() {
    List<String> declared = new ArrayList<>();
    for (Module module : Vendors.modules()) {
      List<VendorType> own =
          List.copyOf(Guice.createInjector(module).getInstance(VendorTypes.class).all());
      assertThat(own).as("types declared by %s", module.getClass().getSimpleName()).hasSize(1);
      assertThat(module.getClass().getSimpleName()).isEqualTo(javaName(own.get(0)) + "Module");
      declared.add(own.get(0).yamlName());
    }
    assertThat(declared)
        .containsExactlyElementsOf(types.stream().map(VendorType::yamlName).toList());
  }

  /**
   * The sandbox module's fake answers the vendor module's connectors with the fake's credential.
   */
  @Test
  void eachTypeHasAFakeItsConnectorsTalkTo() {
    Map<String, ConnectorFactory> factories =
        Guice.createInjector(Vendors.modules())
            .getInstance(
                com.google.inject.Key.get(
                    new com.google.inject.TypeLiteral<Map<String, ConnectorFactory>>() {}));
    try (Sandboxes sandboxes =
        Guice.createInjector(SandboxVendors.modules()).getInstance(Sandboxes.class)) {
      for (VendorType type : types) {
        VendorAccount account = sandboxes.start(account(type), Duration.ZERO);
        assertThat(account.sandbox()).isTrue();
        VendorConnectors connectors = factories.get(type.yamlName()).connect(account);
        assertThat(connectors.team().isPresent() || connectors.contacts().isPresent())
            .as("%s has a team or a contacts side", type.yamlName())
            .isTrue();
        connectors
            .team()
            .ifPresent(team -> assertThat(team.listMembers()).as(type.yamlName()).isNotNull());
        connectors
            .contacts()
            .ifPresent(
                contacts ->
                    assertThat(contacts.findContact("nobody@example.com"))
                        .as(type.yamlName())
                        .isNotNull());
      }
    }
  }

  @Test
  void eachTypeHasAContractTest() {
    for (VendorType type : types) {
      Path test =
          ROOT.resolve("activities/src/test/java/dev/roster/activities")
              .resolve(type.yamlName())
              .resolve(javaName(type) + "ContractTest.java");
      assertThat(test).as("contract test of %s", type.yamlName()).isRegularFile();
    }
  }

  @Test
  void eachTypeHasARowInTheReadmesVendorTable() throws Exception {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    for (VendorType type : types) {
      assertThat(readme)
          .as("README vendor table row of %s", type.displayName())
          .anyMatch(line -> line.startsWith("| " + type.displayName() + " |"));
    }
  }

  /** The account's configuration with the type's defaults (a placeholder URL for self-hosted). */
  private static AccountConfig account(VendorType type) {
    String yaml =
        "accounts:\n  x:\n    type: " + type.yamlName() + "\n    baseUrl: http://127.0.0.1:9\n";
    return ConfigLoader.parse(yaml, "plugins", Map.of()).accounts().get("x");
  }

  /** {@code MailerSend} for MailerSend, {@code Listmonk} for listmonk: class-name spelling. */
  private static String javaName(VendorType type) {
    String name = type.displayName().replace(" ", "");
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
