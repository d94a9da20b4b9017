package dev.roster.starter.local.sandbox;

import com.google.inject.Module;
import java.util.List;

/**
 * The sandbox fakes of the vendors, for {@code dev} and {@code demo} only: one module per vendor,
 * registered here (one line each). The deployed roles never install these.
 */
public final class SandboxVendors {

  /** New instances of every vendor's sandbox module, for one injector. */
  public static List<Module> modules() {
    return List.of(
        new BrevoSandboxModule(),
        new MailjetSandboxModule(),
        new MailerSendSandboxModule(),
        new ListmonkSandboxModule());
  }

  private SandboxVendors() {}
}
