package io.github.cxkpi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  @Test
  void fieldsRoundTrip() {
    Seeds.forEach(200, rnd -> {
      long v = rnd.nextLong() & Long.MAX_VALUE >>> rnd.nextInt(63);
      int i = rnd.nextInt();
      long s = rnd.nextBoolean() ? rnd.nextLong() : Long.MIN_VALUE;
      double d = rnd.nextDouble() * 1e6 - 5e5;
      byte[] bytes = FrameWriter.begin(77).putVarLong(v).putSignedInt(i).putSignedLong(s)
          .putDouble(d).putBoolean(true).putString("héllo").finish();
      FrameReader r = FrameReader.open(bytes, 77, "test");
      assertEquals(v, r.getVarLong("v"));
      assertEquals(i, r.getSignedInt("i", Integer.MIN_VALUE, Integer.MAX_VALUE));
      assertEquals(s, r.getSignedLong("s"));
      assertEquals(d, r.getDouble("d"));
      assertTrue(r.getBoolean("b"));
      assertEquals("héllo", r.getString("str"));
      r.finish();
    });
  }

  @Test
  void headerProblemsAreNamed() {
    byte[] ok = FrameWriter.begin(9).putVarLong(1).finish();
    assertMessage(new byte[3], "truncated test: 3 bytes, a frame has at least 8");
    byte[] magic = ok.clone();
    magic[0] = 0;
    assertMessage(magic, "not a cxkpi frame: magic is 0x0058, expected 0xCE58");
    byte[] version = ok.clone();
    version[2] = 9;
    assertMessage(version, "unsupported format version 9 of test, this reader knows 1");
    byte[] crc = ok.clone();
    crc[4] = 2;
    assertMessage(crc, "checksum mismatch in test of 9 bytes");
    CodecException kind = assertThrows(CodecException.class,
        () -> FrameReader.open(FrameWriter.begin(8).finish(), 9, "test"));
    assertEquals("expected a frame of kind 9 (test) but found kind 8", kind.getMessage());
  }

  private static void assertMessage(byte[] bytes, String start) {
    CodecException e = assertThrows(CodecException.class, () -> FrameReader.open(bytes, 9, "test"));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  @Test
  void payloadProblemsNameTheFieldAndOffset() {
    byte[] bytes = FrameWriter.begin(9).putVarLong(300).finish();
    FrameReader r = FrameReader.open(bytes, 9, "test");
    CodecException e = assertThrows(CodecException.class, () -> r.getVarLong("count", 0, 10));
    assertEquals("test: field 'count' at offset 6: value 300 outside 0..10", e.getMessage());
    FrameReader r2 = FrameReader.open(bytes, 9, "test");
    r2.getVarLong("x");
    e = assertThrows(CodecException.class, () -> r2.getDouble("d"));
    assertTrue(e.getMessage().contains("truncated double"), e.getMessage());
    // An over-long varint: nine continuation bytes (0xFF), then 0x01.
    byte[] longVarint = FrameWriter.begin(9).putDouble(Double.longBitsToDouble(-1L))
        .putVarLong(0xFF).finish();
    FrameReader r3 = FrameReader.open(longVarint, 9, "test");
    e = assertThrows(CodecException.class, () -> r3.getVarLong("v"));
    assertTrue(e.getMessage().contains("varint"), e.getMessage());
    byte[] string = FrameWriter.begin(9).putVarLong(4000).putVarLong(1).finish();
    FrameReader r4 = FrameReader.open(string, 9, "test");
    e = assertThrows(CodecException.class, () -> r4.getString("name"));
    assertTrue(e.getMessage().contains("declares content of at least 4000 bytes"), e.getMessage());
  }

  @Test
  void writerRefusesBadValues() {
    assertThrows(IllegalArgumentException.class, () -> FrameWriter.begin(0));
    assertThrows(IllegalArgumentException.class, () -> FrameWriter.begin(128));
    assertThrows(IllegalArgumentException.class, () -> FrameWriter.begin(5).putVarLong(-1));
    FrameWriter w = FrameWriter.begin(5);
    w.finish();
    assertThrows(IllegalStateException.class, () -> w.putVarLong(1));
  }
}
