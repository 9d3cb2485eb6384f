package io.github.cxkpi.fcr;

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
        "ce580106008088b2a002000080dddb01011e008080ade39c670080bae4e69c670400030102010001"
      + "0263310082b4cfddacce010082f48394aace0102010080f4c8cdb9ce0189fffe8e");

  @Test
  void formatVersion1StaysReadable() {
    // KPIS.md's example, checkpointed before the end of the stream: c1 on days 0, 2 and 12,
    // c2 on day 1 (the day-12 contact not marked resolved).
    RepeatContactAggregator a = Fcr.repeatContactFromBytes(V1);
    assertEquals(4, a.result().contacts());
    assertArrayEquals(V1, a.toBytes());
    a.endOfInput();
    assertEquals(3, a.result().episodesDecided());
    assertEquals(2, a.result().episodesResolved());
    assertEquals(0.25, a.result().repeatContactRate(), 1e-15);
  }
}
