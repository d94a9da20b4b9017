package dev.roster.sandbox.listmonk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A just-enough multipart/form-data parser for the import endpoint. */
final class MultipartForm {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One form part; {@code fileName} is null for a plain field. */
  record Part(String name, String fileName, String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private MultipartForm() {}

  /**
   * The parts by name.
   *
   * @throws ListmonkError 400 when the request is not multipart/form-data
   */
  static Map<String, Part> parse(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw ListmonkError.invalid("request Content-Type isn't multipart/form-data");
    }
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      throw ListmonkError.invalid("no multipart boundary param in Content-Type");
    }
    // ISO-8859-1 maps bytes 1:1 to chars, so offsets found in the string are byte offsets.
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + b.group(1);
    Map<String, Part> parts = new LinkedHashMap<>();
    int at = raw.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (raw.startsWith("--", start)) {
        break;
      }
      int headersEnd = raw.indexOf("\r\n\r\n", start);
      int next = raw.indexOf("\r\n" + delimiter, start);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        throw ListmonkError.invalid("malformed multipart body");
      }
      String headers = raw.substring(start, headersEnd);
      byte[] content = raw.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
      Part part = part(headers, content);
      parts.put(part.name(), part);
      at = next + 2;
    }
    return parts;
  }

  private static Part part(String headers, byte[] content) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-disposition")) {
        disposition = value;
      } else if (name.equals("content-type")) {
        type = value;
      }
    }
    Matcher name = disposition == null ? null : NAME.matcher(disposition);
    if (name == null || !name.find()) {
      throw ListmonkError.invalid("multipart part without a name");
    }
    Matcher file = FILENAME.matcher(disposition);
    return new Part(name.group(1), file.find() ? file.group(1) : null, type, content);
  }
}
