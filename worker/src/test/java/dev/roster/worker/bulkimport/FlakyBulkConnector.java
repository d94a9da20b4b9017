package dev.roster.worker.bulkimport;

import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.RejectedRow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulk connector whose {@code failOn}-th import is accepted by the vendor and then lost, as when
 * a worker dies between the vendor's 202 and the activity's completion ({@code failOn} 0: none is
 * lost). Tests can wait for a number of imports to have started.
 */
final class FlakyBulkConnector implements BulkImportConnector {
  private final BulkImportConnector delegate;
  private final int failOn;
  private final AtomicInteger starts = new AtomicInteger();

  FlakyBulkConnector(BulkImportConnector delegate, int failOn) {
    this.delegate = delegate;
    this.failOn = failOn;
  }

  int starts() {
    return starts.get();
  }

  /** Blocks until at least {@code n} imports have started; false if that took over a minute. */
  synchronized boolean awaitStarts(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (starts.get() < n) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  @Override
  public String startImport(List<ImportRow> rows, List<String> listIds) {
    String jobId = delegate.startImport(rows, listIds);
    int n = starts.incrementAndGet();
    synchronized (this) {
      notifyAll();
    }
    if (n == failOn) {
      throw new VendorUnavailable("brevo", "importContacts", 0, null, "connection reset after 202");
    }
    return jobId;
  }

  @Override
  public String bulkFamily() {
    return delegate.bulkFamily();
  }

  @Override
  public String jobFamily() {
    return delegate.jobFamily();
  }

  @Override
  public int maxRowsPerJob() {
    return delegate.maxRowsPerJob();
  }

  @Override
  public long maxBytesPerJob() {
    return delegate.maxBytesPerJob();
  }

  @Override
  public int maxJobsInFlight() {
    return delegate.maxJobsInFlight();
  }

  @Override
  public Duration pollInterval() {
    return delegate.pollInterval();
  }

  @Override
  public BulkJob jobStatus(String jobId) {
    return delegate.jobStatus(jobId);
  }

  @Override
  public List<RejectedRow> rejectedRows(String jobId) {
    return delegate.rejectedRows(jobId);
  }
}
