package io.github.cxkpi.csat;

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
        "ce5801030463736174020a08001e020a000102030707000200000000d894e3b8");

  @Test
  void formatVersion1StaysReadable() {
    // KPIS.md's CSAT vector.
    CsatResult r = Csat.fromBytes(V1).result();
    assertEquals(0.70, r.satisfiedShare(), 1e-15);
    assertEquals(3.85, r.mean(), 1e-15);
    assertArrayEquals(V1, Csat.aggregator()
        .addAll(5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 5, 2, 4, 5, 3, 4, 5).toBytes());
  }
}
