package io.github.cxkpi.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes one frame (see the package description) to a stream, with the same bytes as
 * {@link FrameWriter} but without holding the frame in memory: a frame of any size streams
 * through a small buffer while its checksum is computed on the way. Single-use and not
 * thread-safe; the stream is flushed by {@link #finish()} but never closed.
 *
 * @since 0.1.0
 */
public final class FrameOutput {
  private final OutputStream out;
  private final CRC32C crc = new CRC32C();
  private final byte[] buf = new byte[8192];
  private int pos;
  private long flushed;
  private boolean finished;

  private FrameOutput(OutputStream out, int kind) throws IOException {
    if (kind < 1 || kind > 127) {
      throw new IllegalArgumentException("frame kind must be in 1..127, was " + kind);
    }
    this.out = Objects.requireNonNull(out, "out is null");
    putByte(Frames.MAGIC_0);
    putByte(Frames.MAGIC_1);
    putByte(Frames.VERSION);
    putByte(kind);
  }

  /**
   * Starts a frame of a kind on a stream.
   *
   * @param out the stream
   * @param kind the kind, 1..127
   * @return the writer
   * @throws IOException when the stream fails
   */
  public static FrameOutput begin(OutputStream out, int kind) throws IOException {
    return new FrameOutput(out, kind);
  }

  private void ensure(int extra) throws IOException {
    if (finished) {
      throw new IllegalStateException("frame already finished");
    }
    if (pos + extra > buf.length) {
      drain();
    }
  }

  private void drain() throws IOException {
    crc.update(buf, 0, pos);
    out.write(buf, 0, pos);
    flushed += pos;
    pos = 0;
  }

  private void putByte(int b) throws IOException {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  /**
   * Writes a non-negative long as an unsigned varint.
   *
   * @param value a value {@code >= 0}
   * @return this writer
   * @throws IOException when the stream fails
   */
  public FrameOutput putVarLong(long value) throws IOException {
    ensure(10);
    pos = Frames.putVarLong(buf, pos, value);
    return this;
  }

  /**
   * Writes any long, zig-zag encoded, as {@link FrameWriter#putSignedLong} does.
   *
   * @param value the value
   * @return this writer
   * @throws IOException when the stream fails
   */
  public FrameOutput putSignedLong(long value) throws IOException {
    long zz = (value << 1) ^ (value >> 63);
    putVarLong(zz >>> 63);
    return putVarLong(zz & Long.MAX_VALUE);
  }

  /**
   * Writes a boolean as one byte, 0 or 1.
   *
   * @param value the value
   * @return this writer
   * @throws IOException when the stream fails
   */
  public FrameOutput putBoolean(boolean value) throws IOException {
    putByte(value ? 1 : 0);
    return this;
  }

  /**
   * Writes a string as a varint length and its UTF-8 bytes.
   *
   * @param value the value: well-formed Unicode (a lone surrogate would not read back as
   *     written) of at most {@link FrameReader#MAX_STRING_BYTES} bytes in UTF-8
   * @return this writer
   * @throws IllegalArgumentException when the string breaks either rule; nothing is written
   * @throws IOException when the stream fails
   */
  public FrameOutput putString(String value) throws IOException {
    byte[] utf8 = utf8(value);
    putVarLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, pos, utf8.length);
    pos += utf8.length;
    return this;
  }

  static byte[] utf8(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("string must be well-formed Unicode, but has a lone "
            + "surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
            + " at index " + i);
      }
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > FrameReader.MAX_STRING_BYTES) {
      throw new IllegalArgumentException("string must be at most " + FrameReader.MAX_STRING_BYTES
          + " bytes in UTF-8, was " + utf8.length);
    }
    return utf8;
  }

  /**
   * Appends the checksum and flushes the stream (without closing it). The writer cannot be
   * used afterwards.
   *
   * @return the frame's length in bytes
   * @throws IOException when the stream fails
   */
  public long finish() throws IOException {
    ensure(0);
    crc.update(buf, 0, pos);
    int value = (int) crc.getValue();
    out.write(buf, 0, pos);
    flushed += pos;
    pos = 0;
    out.write(new byte[] {
        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    out.flush();
    finished = true;
    return flushed + Frames.TRAILER;
  }
}
