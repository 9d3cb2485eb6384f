package io.github.cxkpi.codec;

import java.util.zip.CRC32C;

/** Constants and checks of the framing shared by the array and stream codecs; package-private. */
final class Frames {
  static final int MAGIC_0 = 0xCE;
  static final int MAGIC_1 = 0x58;
  static final int VERSION = 1;
  static final int HEADER = 4;
  static final int TRAILER = 4;

  private Frames() {}

  /**
   * Checks a whole frame held in an array: its length, magic, version, checksum and kind.
   *
   * @return the end of its payload (where the trailer starts)
   */
  static int checkFrame(byte[] bytes, int kind, String what) {
    int min = HEADER + TRAILER;
    if (bytes.length < min) {
      throw new CodecException(
          "truncated " + what + ": " + bytes.length + " bytes, a frame has at least " + min);
    }
    checkHeader(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, what);
    int n = bytes.length - TRAILER;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, n);
    checkCrc((int) crc.getValue(), readInt(bytes, n), bytes.length, what);
    checkKind(bytes[3] & 0xFF, kind, what);
    return n;
  }

  static void checkHeader(int m0, int m1, int version, String what) {
    if (m0 != MAGIC_0 || m1 != MAGIC_1) {
      throw new CodecException(String.format("not a cxkpi frame: magic is 0x%02X%02X, expected"
          + " 0x%02X%02X", m0, m1, MAGIC_0, MAGIC_1));
    }
    if (version != VERSION) {
      throw new CodecException("unsupported format version " + version + " of " + what
          + ", this reader knows " + VERSION);
    }
  }

  static void checkKind(int actual, int kind, String what) {
    if (actual != kind) {
      throw new CodecException(
          "expected a frame of kind " + kind + " (" + what + ") but found kind " + actual);
    }
  }

  static void checkCrc(int computed, int stored, long length, String what) {
    if (computed != stored) {
      throw new CodecException(String.format("checksum mismatch in %s of %d bytes: stored "
          + "CRC32C 0x%08X, computed 0x%08X (corrupted, truncated or extended bytes)",
          what, length, stored, computed));
    }
  }

  static int readInt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  /**
   * Writes a non-negative long as an unsigned varint (at most 10 bytes, which the caller
   * reserved) and returns the position after it.
   */
  static int putVarLong(byte[] buf, int pos, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("varint must not be negative, was " + value);
    }
    long v = value;
    int p = pos;
    while ((v & ~0x7FL) != 0) {
      buf[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[p++] = (byte) v;
    return p;
  }
}
