package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import okhttp3.HttpUrl;

/**
 * Where a bulk import reads its CSV from. A reference, never the rows: workflows carry this in
 * their payloads and activities open it with a {@link SourceOpener}, in chunks.
 *
 * <p>Serialised by Jackson with a {@code type} property ({@code file}, {@code https}, {@code
 * servicenowAttachment}); the records have no properties beyond their components.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ImportSource.File.class, name = "file"),
  @JsonSubTypes.Type(value = ImportSource.Https.class, name = "https"),
  @JsonSubTypes.Type(value = ImportSource.ServiceNowAttachment.class, name = "servicenowAttachment")
})
public sealed interface ImportSource
    permits ImportSource.File, ImportSource.Https, ImportSource.ServiceNowAttachment {

  /** A local file on the worker host. */
  static File file(Path path) {
    return new File(requireNonNull(path, "path is null").toString());
  }

  /** A URL read with HTTP GET (and Range requests when resuming). */
  static Https https(String url) {
    return new Https(url);
  }

  /** An attachment on a ServiceNow record; the ServiceNow integration opens it. */
  static ServiceNowAttachment servicenowAttachment(
      String table, String sysId, String attachmentSysId) {
    return new ServiceNowAttachment(table, sysId, attachmentSysId);
  }

  /** Text safe for logs and reports: no query strings, no credentials. */
  String describe();

  /**
   * @param path an absolute path on the worker host
   */
  record File(String path) implements ImportSource {
    public File {
      requireNonNull(path, "path is null");
      if (!Path.of(path).isAbsolute()) {
        throw new IllegalArgumentException("import file path must be absolute: " + path);
      }
    }

    @Override
    public String describe() {
      return "file:" + path;
    }
  }

  /**
   * @param url an absolute {@code https} URL ({@code http} only when the worker allows it, for
   *     sandboxes). Its query string may carry a token, so {@link #toString()} and {@link
   *     #describe()} leave it out.
   */
  record Https(String url) implements ImportSource {
    public Https {
      requireNonNull(url, "url is null");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException("import source is not an http(s) URL");
      }
    }

    @Override
    public String describe() {
      return redact(HttpUrl.get(url));
    }

    @Override
    public String toString() {
      return "Https[url=" + describe() + "]";
    }

    /** Scheme, host, port and path only: query, fragment and user info may hold secrets. */
    static String redact(HttpUrl url) {
      HttpUrl bare = url.newBuilder().query(null).fragment(null).username("").password("").build();
      return url.query() == null ? bare.toString() : bare + "?[REDACTED]";
    }
  }

  /** An attachment ({@code sys_attachment} id) on the record {@code table/sysId}. */
  record ServiceNowAttachment(String table, String sysId, String attachmentSysId)
      implements ImportSource {
    public ServiceNowAttachment {
      requireNonNull(table, "table is null");
      requireNonNull(sysId, "sysId is null");
      requireNonNull(attachmentSysId, "attachmentSysId is null");
    }

    @Override
    public String describe() {
      return "servicenow:" + table + "/" + sysId + "/attachment/" + attachmentSysId;
    }
  }
}
