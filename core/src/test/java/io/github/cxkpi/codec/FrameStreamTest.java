package io.github.cxkpi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** FrameOutput writes what FrameWriter writes; FrameInput reads both, at the field limits. */
class FrameStreamTest {
  private static final String MAX_STRING = "\uD83D\uDE00".repeat(1024); // 4096 UTF-8 bytes

  private static byte[] streamed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameOutput w = FrameOutput.begin(out, 99);
    w.putVarLong(0).putVarLong(Long.MAX_VALUE).putSignedLong(Long.MIN_VALUE)
        .putSignedLong(Long.MAX_VALUE).putBoolean(true).putString("").putString(MAX_STRING);
    // Enough fields to cross the writer's 8 KiB buffer several times.
    for (int i = 0; i < 5000; i++) {
      w.putSignedLong(-i);
    }
    long written = w.finish();
    assertEquals(out.size(), written);
    return out.toByteArray();
  }

  private static byte[] buffered() {
    FrameWriter w = FrameWriter.begin(99);
    w.putVarLong(0).putVarLong(Long.MAX_VALUE).putSignedLong(Long.MIN_VALUE)
        .putSignedLong(Long.MAX_VALUE).putBoolean(true).putString("").putString(MAX_STRING);
    for (int i = 0; i < 5000; i++) {
      w.putSignedLong(-i);
    }
    return w.finish();
  }

  private static void readAll(FrameInput r) throws IOException {
    assertEquals(0, r.getVarLong("a"));
    assertEquals(Long.MAX_VALUE, r.getVarLong("b"));
    assertEquals(Long.MIN_VALUE, r.getSignedLong("c"));
    assertEquals(Long.MAX_VALUE, r.getSignedLong("d"));
    assertTrue(r.getBoolean("e"));
    assertEquals("", r.getString("f"));
    assertEquals(MAX_STRING, r.getString("g"));
    for (int i = 0; i < 5000; i++) {
      assertEquals(-i, r.getSignedLong("h"));
    }
  }

  @Test
  void theStreamWritesTheSameBytesAndBothReadersReadThemAtTheLimits() throws IOException {
    byte[] bytes = streamed();
    assertArrayEquals(buffered(), bytes);
    FrameInput fromArray = FrameInput.open(bytes, 99, "test");
    readAll(fromArray);
    assertEquals(bytes.length, fromArray.finish());
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    FrameInput fromStream = FrameInput.open(in, 99, "test");
    readAll(fromStream);
    assertEquals(bytes.length, fromStream.finish());
  }

  @Test
  void whatCannotBeReadBackIsNotWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameOutput w = FrameOutput.begin(out, 99);
    IllegalArgumentException lone = assertThrows(IllegalArgumentException.class,
        () -> w.putString("a\uDBFF"));
    assertTrue(lone.getMessage().contains("lone surrogate U+DBFF at index 1"), lone.getMessage());
    IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
        () -> w.putString(MAX_STRING + "x"));
    assertTrue(longer.getMessage().contains("at most 4096 bytes in UTF-8, was 4097"));
    assertThrows(IllegalArgumentException.class, () -> w.putVarLong(-1));
    assertThrows(IllegalArgumentException.class, () -> FrameOutput.begin(out, 0));
    w.finish();
    assertThrows(IllegalStateException.class, () -> w.putVarLong(1));
  }

  @Test
  void badStreamsAreCodecExceptions() throws IOException {
    byte[] bytes = streamed();
    for (int len : new int[] {0, 3, 4, 100, bytes.length - 5, bytes.length - 1}) {
      byte[] cut = Arrays.copyOf(bytes, len);
      CodecException e = assertThrows(CodecException.class, () -> {
        FrameInput r = FrameInput.open(new ByteArrayInputStream(cut), 99, "test");
        readAll(r);
        r.finish();
      }, "len " + len);
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
    byte[] flipped = bytes.clone();
    flipped[bytes.length - 1] ^= 1; // the stored checksum: the payload reads, finish refuses
    CodecException crc = assertThrows(CodecException.class, () -> {
      FrameInput r = FrameInput.open(new ByteArrayInputStream(flipped), 99, "test");
      readAll(r);
      r.finish();
    });
    assertTrue(crc.getMessage().contains("checksum mismatch"), crc.getMessage());
    assertThrows(CodecException.class,
        () -> FrameInput.open(new ByteArrayInputStream(bytes), 98, "test"));
  }
}
