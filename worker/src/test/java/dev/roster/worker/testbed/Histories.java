package dev.roster.worker.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded workflow histories under {@code src/test/resources/histories}, for replay tests. */
public final class Histories {

  /** The history's JSON, as {@code WorkflowClient.fetchHistory(id).toJson(true)} wrote it. */
  public static String load(String name) {
    try (InputStream in = Histories.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no history resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Histories() {}
}
