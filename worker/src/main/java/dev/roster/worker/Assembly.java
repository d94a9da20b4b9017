package dev.roster.worker;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

/**
 * Builds a command's injector and takes instances from it, rethrowing what a module or provider
 * threw (a {@code ConfigException} naming the key, a refused port) rather than Guice's wrapper, so
 * the CLI reports bad configuration as before.
 */
public final class Assembly {

  /** An injector of {@code modules}. */
  public static Injector of(Iterable<? extends Module> modules) {
    try {
      return Guice.createInjector(modules);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  /** The instance of {@code type}. */
  public static <T> T instance(Injector injector, Class<T> type) {
    return instance(injector, Key.get(type));
  }

  /** The instance bound to {@code key}. */
  public static <T> T instance(Injector injector, Key<T> key) {
    try {
      return injector.getInstance(key);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  private static RuntimeException unwrap(
      java.util.Collection<Message> messages, RuntimeException wrapper) {
    for (Message m : messages) {
      if (m.getCause() instanceof RuntimeException cause) {
        return cause;
      }
    }
    return wrapper;
  }

  private Assembly() {}
}
