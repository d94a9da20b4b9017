package dev.roster.starter.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server role running until the process is asked to stop (Ctrl-C, SIGTERM). */
final class Blocking {

  static void untilShutdown(AutoCloseable... parts) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable part : parts) {
                    try {
                      part.close();
                    } catch (Exception e) {
                      // Stopping anyway.
                    }
                  }
                  stopped.countDown();
                },
                "roster-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Blocking() {}
}
