package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An open import source, positioned at the byte offset that was asked for.
 *
 * @param stream the bytes from the requested offset to the end; the caller closes it
 * @param length the total length of the source in bytes, or -1 when unknown
 * @param version what identifies this content (file size and mtime, ETag, Last-Modified), or null
 *     when the source offers nothing; a resumed import compares it with the planned one
 */
public record OpenedSource(InputStream stream, long length, String version) implements Closeable {
  public OpenedSource {
    requireNonNull(stream, "stream is null");
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
