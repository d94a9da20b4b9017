package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void skipsBomAndReadsHeaderAndRows() throws IOException {
    byte[] csv = concat(BOM, utf8("email,first_name\nada@example.com,Ada\n"));
    try (CsvRowReader reader = CsvRowReader.open(stream(csv), CsvFormat.defaults())) {
      assertThat(reader.header()).containsExactly("email", "first_name");
      assertThat(reader.position()).isEqualTo(new CsvPosition(3 + 17, 2, 0));
      CsvRecord row = reader.next();
      assertThat(row.fields()).containsExactly("ada@example.com", "Ada");
      assertThat(row.lineNumber()).isEqualTo(2);
      assertThat(reader.next()).isNull();
      assertThat(reader.position().byteOffset()).isEqualTo(csv.length);
    }
  }

  @Test
  void detectsSemicolonFromHeaderButKeepsCommasInsideQuotes() throws IOException {
    String csv = "email;\"last, first\";lists\r\nada@example.com;\"Lovelace, Ada\";1|2\r\n";
    try (CsvRowReader reader = CsvRowReader.open(stream(csv), CsvFormat.defaults())) {
      assertThat(reader.delimiter()).isEqualTo(';');
      assertThat(reader.header()).containsExactly("email", "last, first", "lists");
      assertThat(reader.next().fields()).containsExactly("ada@example.com", "Lovelace, Ada", "1|2");
    }
  }

  @Test
  void configuredDelimiterOverridesDetection() throws IOException {
    String csv = "email,name;x\na@example.com,b;c\n";
    CsvFormat comma = new CsvFormat(CsvFormat.Delimiter.COMMA, 8192);
    try (CsvRowReader reader = CsvRowReader.open(stream(csv), comma)) {
      assertThat(reader.header()).containsExactly("email", "name;x");
    }
  }

  @Test
  void quotedNewlinesKeepPhysicalLineNumbers() throws IOException {
    String csv =
        "email,note\r\n"
            + "a@example.com,\"two\r\nlines\"\r\n"
            + "b@example.com,\"three\nshort\nlines\"\n"
            + "\n"
            + "c@example.com,\"say \"\"hi\"\"\"\n";
    List<CsvRecord> rows = readAll(csv);
    assertThat(rows).extracting(CsvRecord::lineNumber).containsExactly(2L, 4L, 8L);
    assertThat(rows).extracting(CsvRecord::rowIndex).containsExactly(0L, 1L, 2L);
    assertThat(rows.get(0).fields()).containsExactly("a@example.com", "two\r\nlines");
    assertThat(rows.get(1).fields()).containsExactly("b@example.com", "three\nshort\nlines");
    assertThat(rows.get(2).fields()).containsExactly("c@example.com", "say \"hi\"");
  }

  @Test
  void lastRowWithoutLineBreakAndEmptyFields() throws IOException {
    List<CsvRecord> rows = readAll("email,a,b\nx@example.com,,\"\"");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).fields()).containsExactly("x@example.com", "", "");
  }

  @Test
  void resumingAtAnyReportedPositionYieldsExactlyTheRemainingRows() throws IOException {
    String csv =
        "email,note\n"
            + "a@example.com,\"multi\nline\"\r\n"
            + "\n"
            + "b@example.com,é ü\n"
            + "c@example.com,\"x,y\"\n"
            + "d@example.com,last";
    byte[] bytes = concat(BOM, utf8(csv));
    List<CsvPosition> positions = new ArrayList<>();
    List<CsvRecord> all = new ArrayList<>();
    try (CsvRowReader reader = CsvRowReader.open(stream(bytes), CsvFormat.defaults())) {
      positions.add(reader.position());
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        all.add(r);
        positions.add(reader.position());
      }
    }
    for (int i = 0; i < positions.size(); i++) {
      CsvPosition at = positions.get(i);
      InputStream rest = stream(Arrays.copyOfRange(bytes, (int) at.byteOffset(), bytes.length));
      List<CsvRecord> resumed = new ArrayList<>();
      try (CsvRowReader reader = CsvRowReader.resume(rest, ',', 8192, at)) {
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
          resumed.add(r);
        }
      }
      assertThat(resumed).isEqualTo(all.subList(i, all.size()));
    }
  }

  @Test
  void oversizedRowIsFlaggedNotKeptAndReadingContinues() throws IOException {
    String big = "x".repeat(500);
    String csv = "email,note\na@example.com," + big + "\nb@example.com,ok\n";
    CsvFormat small = new CsvFormat(CsvFormat.Delimiter.AUTO, 100);
    try (CsvRowReader reader = CsvRowReader.open(stream(csv), small)) {
      CsvRecord first = reader.next();
      assertThat(first.oversized()).isTrue();
      assertThat(first.byteLength()).isEqualTo(15 + 500);
      assertThat(String.join("", first.fields()).length()).isLessThanOrEqualTo(100);
      CsvRecord second = reader.next();
      assertThat(second.oversized()).isFalse();
      assertThat(second.lineNumber()).isEqualTo(3);
    }
  }

  @Test
  void unterminatedQuoteAndInvalidUtf8AreFlagged() throws IOException {
    byte[] bad = concat(utf8("email,n\na@example.com,"), new byte[] {(byte) 0xC3, 0x28, '\n'});
    List<CsvRecord> rows = readAll(concat(bad, utf8("b@example.com,\"never closed\n")));
    assertThat(rows.get(0).invalidUtf8()).isTrue();
    assertThat(rows.get(1).unterminatedQuote()).isTrue();
    assertThat(rows.get(1).lineNumber()).isEqualTo(3);
  }

  @Test
  void emptyFileHasNoHeader() {
    assertThatThrownBy(() -> CsvRowReader.open(stream("\n\n"), CsvFormat.defaults()))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER));
  }

  static List<CsvRecord> readAll(String csv) throws IOException {
    return readAll(utf8(csv));
  }

  static List<CsvRecord> readAll(byte[] csv) throws IOException {
    List<CsvRecord> rows = new ArrayList<>();
    try (CsvRowReader reader = CsvRowReader.open(stream(csv), CsvFormat.defaults())) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static InputStream stream(String csv) {
    return stream(utf8(csv));
  }

  private static InputStream stream(byte[] csv) {
    return new ByteArrayInputStream(csv);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
