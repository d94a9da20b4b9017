package dev.roster.worker.vendor;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.roster.worker.config.VendorTypes;
import java.util.List;

/** The vendors Roster drives: one module per vendor, registered here (one line each). */
public final class Vendors {

  /** New instances of every vendor module, for one injector. */
  public static List<Module> modules() {
    return List.of(
        new BrevoModule(), new MailjetModule(), new MailerSendModule(), new ListmonkModule());
  }

  /** The vendor types the modules declare, in registration order (for configuration parsing). */
  public static VendorTypes types() {
    return Registry.TYPES;
  }

  /** Built once, on first use: the declarations never change in a process. */
  private static final class Registry {
    static final VendorTypes TYPES = Guice.createInjector(modules()).getInstance(VendorTypes.class);
  }

  private Vendors() {}
}
