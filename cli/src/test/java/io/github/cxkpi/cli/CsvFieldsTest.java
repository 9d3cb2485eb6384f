package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * A record without a quote is split at its commas; it must give what Commons CSV gives (the
 * reader sends every record with a quote to Commons CSV).
 */
class CsvFieldsTest {
  private static final String ALPHABET = "ab ,\t\u00a0\u2003x9-:.\u00e9\u0000\u001f";

  @Test
  void splittingAtCommasEqualsCommonsCsvForRecordsWithoutQuotes() {
    Seeds.forEach(20, rnd -> {
      for (int k = 0; k < 2000; k++) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
          b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        String record = b.toString();
        if (record.isBlank()) {
          continue; // blank lines are skipped before splitting
        }
        try {
          assertEquals(InteractionReader.fields(record), InteractionReader.unquotedFields(record),
              "record [" + record + "]");
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }
    });
  }
}
