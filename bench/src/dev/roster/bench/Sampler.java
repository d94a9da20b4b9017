package dev.roster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.LongConsumer;

/** Calls a probe every 5 ms on a daemon thread until stopped; and the JVM's memory peaks. */
final class Sampler implements AutoCloseable {
  private final Thread thread;

  /** @param probe gets {@link System#nanoTime()} at each sample */
  Sampler(LongConsumer probe) {
    thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                probe.accept(System.nanoTime());
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops sampling and waits for the last sample. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }

  /** The sum of the heap pools' peak usage since the JVM started, in bytes. */
  static long heapPoolsPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
