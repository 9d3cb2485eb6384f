package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The report's CSV records are what Commons CSV's {@code CSVFormat.DEFAULT} prints for the same
 * fields: random fields over the characters that decide quoting, at every position of a record.
 */
class CsvRecordTest {
  private static String commonsCsv(String... fields) throws IOException {
    StringBuilder b = new StringBuilder();
    try (CSVPrinter p = CSVFormat.DEFAULT.print(b)) {
      p.printRecord((Object[]) fields);
    }
    return b.toString();
  }

  @Test
  void randomFieldsAreQuotedAsCommonsCsvQuotesThem() throws IOException {
    // Characters around each rule: below and at '#', space and below, quote, comma, CR, LF,
    // letters, digits, '-', '.', ':' and one beyond ASCII.
    String alphabet = "\t !\"#$,\r\n aZ09-.:_\u00e9";
    SplittableRandom rnd = new SplittableRandom(17);
    for (int k = 0; k < 100_000; k++) {
      String[] fields = new String[1 + rnd.nextInt(5)];
      for (int f = 0; f < fields.length; f++) {
        StringBuilder v = new StringBuilder();
        int n = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
          v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        fields[f] = v.toString();
      }
      assertEquals(commonsCsv(fields), Writers.csvRecord(fields), () -> String.join("|", fields));
    }
  }

  @Test
  void theReportsOwnFields() throws IOException {
    String[][] records = {
        {"app", "2026-W02", "2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z", "nps", "10830",
            "-45.189289", "-46.657110", "-43.696440", "0.95", "false", "", "", "", "", ""},
        {"", "all", "x"}, {"web / phone, north", "say \"hi\"", " lead", "trail "}, {""},
        {"#tag", "a#b", "=1", "drivers:value_for_time"}};
    for (String[] r : records) {
      assertEquals(commonsCsv(r), Writers.csvRecord(r), String.join("|", r));
    }
  }
}
