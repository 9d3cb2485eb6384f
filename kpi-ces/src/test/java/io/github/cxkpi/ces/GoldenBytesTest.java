package io.github.cxkpi.ces;

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
        "ce58010403636573020a010204080a001e020a0003040101010002000000004887faaf");

  @Test
  void formatVersion1StaysReadable() {
    // KPIS.md's CES 1.0 vector.
    CesResult r = Ces.fromBytes(V1).result();
    assertEquals(2.3, r.mean(), 1e-15);
    assertEquals(Ces.v1(), r.definition());
    assertArrayEquals(V1, Ces.aggregator(Ces.v1()).addAll(1, 2, 2, 3, 1, 4, 2, 5, 1, 2).toBytes());
  }
}
