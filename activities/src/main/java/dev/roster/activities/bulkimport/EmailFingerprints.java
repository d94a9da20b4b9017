package dev.roster.activities.bulkimport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The emails seen so far, as 64-bit fingerprints (the first 8 bytes of SHA-256 of the trimmed,
 * lower-cased address) mapped to the line they were first seen on, in an open-addressing table of
 * two {@code long[]}s.
 *
 * <p>Trade-off: 16 bytes per slot and the table doubles when half full, so 32 to 64 bytes per
 * distinct email (4 MB for 100,000 rows) against roughly 150 bytes for a {@code HashSet<String>},
 * and no address is kept in memory at all. Two different addresses share a fingerprint with
 * probability about n²/2⁶⁵: 3e-10 for 100,000 rows, 3e-8 for a million. If it ever happens, the
 * later row is reported as a duplicate in the failure report (visible, never silently merged).
 * SHA-256 rather than {@code String.hashCode} because the fingerprint must not be steerable by
 * whoever wrote the file and must be the same on every worker.
 *
 * <p>For checkpoints, entries added since the last {@link #drainAdded} are also kept in order, so a
 * planning pass appends only those to its log in the import store and a resumed pass rebuilds the
 * table from the log ({@link #restore}). Not thread-safe.
 */
final class EmailFingerprints {
  private static final long EMPTY = 0;

  private final MessageDigest sha256;
  private long[] keys;
  private long[] lines;
  private int size;
  private long[] added = new long[256];
  private int addedLength;

  EmailFingerprints() {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    this.keys = new long[1024];
    this.lines = new long[1024];
  }

  /**
   * Records {@code email} as first seen on {@code line} unless it was seen before.
   *
   * @return the line of the first occurrence, or -1 when this is the first
   */
  long firstLineOrAdd(String email, long line) {
    long key = fingerprint(email);
    int slot = find(keys, key);
    if (keys[slot] == key) {
      return lines[slot];
    }
    keys[slot] = key;
    lines[slot] = line;
    if (++size * 2 > keys.length) {
      grow();
    }
    if (addedLength + 2 > added.length) {
      added = Arrays.copyOf(added, added.length * 2);
    }
    added[addedLength++] = key;
    added[addedLength++] = line;
    return -1;
  }

  /** Writes the entries added since the last call (16 bytes each) and forgets them. */
  void drainAdded(DataOutput out) throws IOException {
    for (int i = 0; i < addedLength; i++) {
      out.writeLong(added[i]);
    }
    addedLength = 0;
  }

  /** Rebuilds a table from {@code bytes} bytes of entries written by {@link #drainAdded}. */
  static EmailFingerprints restore(InputStream log, long bytes) throws IOException {
    EmailFingerprints table = new EmailFingerprints();
    DataInputStream in = new DataInputStream(new BufferedInputStream(log));
    for (long read = 0; read + 16 <= bytes; read += 16) {
      long key = in.readLong();
      long line = in.readLong();
      int slot = find(table.keys, key);
      if (table.keys[slot] != key) {
        table.keys[slot] = key;
        table.lines[slot] = line;
        if (++table.size * 2 > table.keys.length) {
          table.grow();
        }
      }
    }
    return table;
  }

  int size() {
    return size;
  }

  /** Bytes held by the table. */
  long memoryBytes() {
    return 16L * keys.length;
  }

  long fingerprint(String email) {
    byte[] digest =
        sha256.digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = (key << 8) | (digest[i] & 0xff);
    }
    // 0 marks an empty slot; folding it onto 1 costs one more (astronomically unlikely) collision.
    return key == EMPTY ? 1 : key;
  }

  private static int find(long[] table, long key) {
    int mask = table.length - 1;
    // The key is already uniformly distributed: its low bits are a fine slot index.
    int slot = (int) key & mask;
    while (table[slot] != EMPTY && table[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldLines = lines;
    keys = new long[oldKeys.length * 2];
    lines = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = find(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        lines[slot] = oldLines[i];
      }
    }
  }
}
