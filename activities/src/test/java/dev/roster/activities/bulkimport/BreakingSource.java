package dev.roster.activities.bulkimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source whose first read breaks off after {@code breakAfter} bytes, as a slow download's
 * connection drops halfway; it records the offset of every open, so a test sees where a retry
 * started reading.
 */
public final class BreakingSource implements SourceOpener {
  private final SourceOpener inner;
  private final long breakAfter;
  private final List<Long> offsets = new CopyOnWriteArrayList<>();

  public BreakingSource(SourceOpener inner, long breakAfter) {
    this.inner = inner;
    this.breakAfter = breakAfter;
  }

  /** The byte offset of each open, in order. */
  public List<Long> offsets() {
    return List.copyOf(offsets);
  }

  @Override
  public OpenedSource open(ImportSource source, long byteOffset) {
    offsets.add(byteOffset);
    OpenedSource opened = inner.open(source, byteOffset);
    if (offsets.size() > 1) {
      return opened;
    }
    InputStream breaking =
        new FilterInputStream(opened.stream()) {
          private long read;

          @Override
          public int read() throws IOException {
            check(1);
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            check(len);
            int n = super.read(b, off, (int) Math.min(len, breakAfter - read));
            read += Math.max(n, 0);
            return n;
          }

          private void check(int wanted) throws IOException {
            if (wanted > 0 && read >= breakAfter) {
              throw new IOException("connection reset (test)");
            }
          }
        };
    return new OpenedSource(breaking, opened.length(), opened.version());
  }
}
