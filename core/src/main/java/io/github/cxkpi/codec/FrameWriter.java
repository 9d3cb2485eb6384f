package io.github.cxkpi.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes one frame (see the package description): header, payload fields, checksum.
 * Single-use and not thread-safe.
 *
 * @since 0.1.0
 */
public final class FrameWriter {
  private byte[] buf = new byte[64];
  private int pos;
  private boolean finished;

  private FrameWriter(int kind) {
    if (kind < 1 || kind > 127) {
      throw new IllegalArgumentException("frame kind must be in 1..127, was " + kind);
    }
    putByte(Frames.MAGIC_0);
    putByte(Frames.MAGIC_1);
    putByte(Frames.VERSION);
    putByte(kind);
  }

  /**
   * Starts a frame of a kind.
   *
   * @param kind the kind, 1..127
   * @return the writer
   */
  public static FrameWriter begin(int kind) {
    return new FrameWriter(kind);
  }

  private void ensure(int extra) {
    if (finished) {
      throw new IllegalStateException("frame already finished");
    }
    if (pos + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
    }
  }

  private void putByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  /**
   * Writes a non-negative long as an unsigned varint.
   *
   * @param value a value {@code >= 0}
   * @return this writer
   */
  public FrameWriter putVarLong(long value) {
    ensure(10);
    pos = Frames.putVarLong(buf, pos, value);
    return this;
  }

  /**
   * Writes any int, zig-zag encoded.
   *
   * @param value the value
   * @return this writer
   */
  public FrameWriter putSignedInt(int value) {
    return putVarLong(Integer.toUnsignedLong((value << 1) ^ (value >> 31)));
  }

  /**
   * Writes any long, zig-zag encoded; the encoding of {@code Long.MIN_VALUE} needs the full
   * unsigned range, so it is written as two varints (high bit, low 63 bits).
   *
   * @param value the value
   * @return this writer
   */
  public FrameWriter putSignedLong(long value) {
    long zz = (value << 1) ^ (value >> 63);
    putVarLong(zz >>> 63);
    return putVarLong(zz & Long.MAX_VALUE);
  }

  /**
   * Writes a double as 8 big-endian bytes (its raw bits, so that NaN payloads and signed
   * zeros round trip).
   *
   * @param value the value
   * @return this writer
   */
  public FrameWriter putDouble(double value) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[pos++] = (byte) (bits >>> shift);
    }
    return this;
  }

  /**
   * Writes a boolean as one byte, 0 or 1.
   *
   * @param value the value
   * @return this writer
   */
  public FrameWriter putBoolean(boolean value) {
    putByte(value ? 1 : 0);
    return this;
  }

  /**
   * Writes a string as a varint length and its UTF-8 bytes.
   *
   * @param value the value, at most {@link FrameReader#MAX_STRING_BYTES} bytes in UTF-8
   * @return this writer
   */
  public FrameWriter putString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > FrameReader.MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          "string must be at most " + FrameReader.MAX_STRING_BYTES + " bytes in UTF-8, was "
              + utf8.length);
    }
    putVarLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, pos, utf8.length);
    pos += utf8.length;
    return this;
  }

  /**
   * Appends the checksum and returns the frame's bytes. The writer cannot be used afterwards.
   *
   * @return the frame
   */
  public byte[] finish() {
    CRC32C crc = new CRC32C();
    crc.update(buf, 0, pos);
    int value = (int) crc.getValue();
    ensure(4);
    buf[pos++] = (byte) (value >>> 24);
    buf[pos++] = (byte) (value >>> 16);
    buf[pos++] = (byte) (value >>> 8);
    buf[pos++] = (byte) value;
    finished = true;
    return Arrays.copyOf(buf, pos);
  }
}
