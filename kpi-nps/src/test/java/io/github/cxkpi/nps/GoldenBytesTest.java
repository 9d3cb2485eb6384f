package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes (STYLE.md, lesson 8): a frame written by format version 1 stays readable, with
 * the same result, in every later version; and this version still writes it byte for byte.
 */
class GoldenBytesTest {
  static final byte[] V1 = HexFormat.of().parseHex(
        "ce580102036e707300140e1200001e00140101000001000101020203020000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000013ff8000000000000000000000000000040020000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000000200010000dfb1"
      + "f721");

  @Test
  void formatVersion1StaysReadable() {
    // 10 10 9 9 9 8 7 7 6 5 3 0, then an 8 weighted 1.5 and a blank.
    NpsAggregator a = Nps.fromBytes(V1);
    NpsResult r = a.result();
    assertEquals(13, r.respondents());
    assertEquals(1, r.blanks());
    assertEquals(4.5, r.passiveWeight(), 0);
    assertEquals(100.0 / 13.5, r.score(), 1e-12);
    assertArrayEquals(V1, Nps.aggregator().addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0)
        .add(8, 1.5).addBlank().toBytes());
  }
}
