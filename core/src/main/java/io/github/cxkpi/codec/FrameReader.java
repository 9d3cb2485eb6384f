package io.github.cxkpi.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads one frame (see the package description), checking everything. Every method throws
 * {@link CodecException} for bad bytes, naming the field and the offset. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class FrameReader {
  /** The longest string a frame may hold, in UTF-8 bytes. */
  public static final int MAX_STRING_BYTES = 4096;

  /** The largest frame this reader accepts: 64 MiB. */
  public static final int MAX_FRAME_BYTES = 64 << 20;

  private final byte[] bytes;
  private final int end;
  private final String what;
  private int pos;

  private FrameReader(byte[] bytes, String what) {
    this.bytes = bytes;
    this.end = bytes.length - Frames.TRAILER;
    this.what = what;
    this.pos = Frames.HEADER;
  }

  /**
   * Opens a frame that must be of the given kind: checks its length, magic, version, checksum
   * and kind.
   *
   * @param bytes the frame
   * @param kind the expected kind
   * @param what the expected aggregator, for messages (e.g. "NPS aggregator")
   * @return a reader positioned at the payload
   * @throws CodecException when any check fails
   */
  public static FrameReader open(byte[] bytes, int kind, String what) {
    Objects.requireNonNull(bytes, "bytes is null");
    if (bytes.length > MAX_FRAME_BYTES) {
      throw new CodecException(
          what + " is " + bytes.length + " bytes, more than the limit of " + MAX_FRAME_BYTES);
    }
    Frames.checkFrame(bytes, kind, what);
    return new FrameReader(bytes, what);
  }


  /**
   * The kind byte of a frame, without checking anything else (to dispatch on it).
   *
   * @param bytes the frame
   * @return its kind
   * @throws CodecException when the bytes are too short to hold a header
   */
  public static int peekKind(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes is null");
    if (bytes.length < Frames.HEADER + Frames.TRAILER) {
      throw new CodecException("truncated frame: " + bytes.length + " bytes");
    }
    return bytes[3] & 0xFF;
  }

  /**
   * An exception for a field that was read but is invalid, with the frame and offset named.
   *
   * @param field the field
   * @param problem what is wrong with it
   * @return the exception, for the caller to throw
   */
  public CodecException error(String field, String problem) {
    return fail(field, problem);
  }

  private CodecException fail(String field, String problem) {
    return new CodecException(what + ": field '" + field + "' at offset " + pos + ": " + problem);
  }

  /**
   * The payload bytes not read yet.
   *
   * @return the count
   */
  public int remaining() {
    return end - pos;
  }

  /**
   * Checks that at least {@code count} more bytes remain, so that a declared size can be
   * trusted before anything is allocated for it.
   *
   * @param count the bytes the declared content needs at least
   * @param field the field, for the message
   */
  public void requireRemaining(long count, String field) {
    if (count > remaining()) {
      throw fail(field, "declares content of at least " + count + " bytes but only "
          + remaining() + " remain");
    }
  }

  /**
   * Reads an unsigned varint.
   *
   * @param field the field, for messages
   * @return the value, {@code >= 0}
   */
  public long getVarLong(String field) {
    long result = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (pos >= end) {
        throw fail(field, "truncated varint");
      }
      byte b = bytes[pos++];
      if (shift == 56 && (b & 0xFF) > 0x7F) {
        throw fail(field, "varint longer than 63 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw fail(field, "varint longer than 63 bits");
  }

  /**
   * Reads an unsigned varint that must lie in a range.
   *
   * @param field the field, for messages
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value
   */
  public long getVarLong(String field, long min, long max) {
    long v = getVarLong(field);
    if (v < min || v > max) {
      throw fail(field, "value " + v + " outside " + min + ".." + max);
    }
    return v;
  }

  /**
   * Reads a zig-zag int that must lie in a range.
   *
   * @param field the field, for messages
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value
   */
  public int getSignedInt(String field, int min, int max) {
    long zz = getVarLong(field, 0, 0xFFFF_FFFFL);
    int v = (int) (zz >>> 1) ^ -(int) (zz & 1);
    if (v < min || v > max) {
      throw fail(field, "value " + v + " outside " + min + ".." + max);
    }
    return v;
  }

  /**
   * Reads a zig-zag long written by {@link FrameWriter#putSignedLong}.
   *
   * @param field the field, for messages
   * @return the value
   */
  public long getSignedLong(String field) {
    long high = getVarLong(field, 0, 1);
    long zz = (high << 63) | getVarLong(field);
    return (zz >>> 1) ^ -(zz & 1);
  }

  /**
   * Reads a double.
   *
   * @param field the field, for messages
   * @return the value
   */
  public double getDouble(String field) {
    if (end - pos < 8) {
      throw fail(field, "truncated double");
    }
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (bytes[pos++] & 0xFF);
    }
    return Double.longBitsToDouble(bits);
  }

  /**
   * Reads a double that must be finite and {@code >= 0}.
   *
   * @param field the field, for messages
   * @return the value
   */
  public double getFiniteNonNegative(String field) {
    double v = getDouble(field);
    if (!(v >= 0) || Double.isInfinite(v)) {
      pos -= 8;
      throw fail(field, "value " + v + " must be finite and >= 0");
    }
    return v;
  }

  /**
   * Reads a double that must be finite.
   *
   * @param field the field, for messages
   * @return the value
   */
  public double getFinite(String field) {
    double v = getDouble(field);
    if (!Double.isFinite(v)) {
      pos -= 8;
      throw fail(field, "value " + v + " must be finite");
    }
    return v;
  }

  /**
   * Reads an enum constant written as its ordinal varint.
   *
   * @param <E> the enum
   * @param field the field, for messages
   * @param type the enum's class
   * @return the constant
   */
  public <E extends Enum<E>> E getEnum(String field, Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[(int) getVarLong(field, 0, values.length - 1)];
  }

  /**
   * Reads a boolean byte (0 or 1).
   *
   * @param field the field, for messages
   * @return the value
   */
  public boolean getBoolean(String field) {
    if (pos >= end) {
      throw fail(field, "truncated boolean");
    }
    int b = bytes[pos++];
    if (b != 0 && b != 1) {
      pos--;
      throw fail(field, "boolean byte " + b + " is neither 0 nor 1");
    }
    return b == 1;
  }

  /**
   * Reads a string of at most {@link #MAX_STRING_BYTES} UTF-8 bytes.
   *
   * @param field the field, for messages
   * @return the value
   */
  public String getString(String field) {
    int length = (int) getVarLong(field, 0, MAX_STRING_BYTES);
    requireRemaining(length, field);
    String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /**
   * Throws when a cross-field check fails.
   *
   * @param condition the check
   * @param field the field, for messages
   * @param problem what is inconsistent
   */
  public void check(boolean condition, String field, String problem) {
    if (!condition) {
      throw fail(field, problem);
    }
  }

  /** Checks that the payload was read to its end: trailing bytes are an error. */
  public void finish() {
    if (pos != end) {
      throw new CodecException(
          what + ": " + (end - pos) + " trailing bytes after the payload at offset " + pos);
    }
  }
}
