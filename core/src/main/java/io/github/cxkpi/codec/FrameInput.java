package io.github.cxkpi.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Reads one frame (see the package description) of any size, from a byte array or a stream,
 * checking everything; the reading side of {@link FrameOutput} (and of {@link FrameWriter}).
 *
 * <p>Unlike {@link FrameReader} it has no size cap: nothing is allocated ahead of the bytes
 * that hold it (a string's bytes, at most {@link FrameReader#MAX_STRING_BYTES}, are the only
 * buffer), so a declared size cannot make it allocate more than the input it really reads.
 * From an array, the header and the checksum are checked before any payload is read; from a
 * stream, the header first and the checksum at {@link #finish()}, which the caller must reach
 * before trusting what it read. The stream is read byte by byte and never past the frame's
 * end (so frames may follow each other on one stream): pass a buffered stream.
 *
 * <p>Every failure on bad bytes is a {@link CodecException} naming the field and the offset;
 * a stream that ends early is one too ("truncated"). Not thread-safe.
 *
 * @since 0.1.0
 */
public final class FrameInput {
  private final byte @Nullable [] bytes;
  private final @Nullable InputStream in;
  private final @Nullable CRC32C crc;
  private final long end;
  private final String what;
  private long pos;
  // Stream bytes wait here for the checksum, which is fast on blocks and slow byte by byte.
  private final byte[] pendingCrc = new byte[4096];
  private int pendingCrcSize;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  private FrameInput(byte @Nullable [] bytes, @Nullable InputStream in, long end, String what) {
    this.bytes = bytes;
    this.in = in;
    this.crc = in == null ? null : new CRC32C();
    this.end = end;
    this.what = what;
    this.pos = Frames.HEADER;
  }

  /**
   * Opens a frame held in an array, of any length up to the largest array: checks its length,
   * magic, version, checksum and kind before the payload is read.
   *
   * @param bytes the frame
   * @param kind the expected kind
   * @param what the expected aggregator, for messages
   * @return a reader positioned at the payload
   * @throws CodecException when any check fails
   */
  public static FrameInput open(byte[] bytes, int kind, String what) {
    int n = Frames.checkFrame(Objects.requireNonNull(bytes, "bytes is null"), kind, what);
    return new FrameInput(bytes, null, n, what);
  }


  /**
   * Opens a frame on a stream: reads and checks its header (magic, version, kind); the
   * checksum is checked by {@link #finish()}.
   *
   * @param in the stream, positioned at the frame; buffered, for speed
   * @param kind the expected kind
   * @param what the expected aggregator, for messages
   * @return a reader positioned at the payload
   * @throws CodecException when the header is bad or the stream ends within it
   * @throws IOException when the stream fails
   */
  public static FrameInput open(InputStream in, int kind, String what) throws IOException {
    Objects.requireNonNull(in, "in is null");
    byte[] header = in.readNBytes(Frames.HEADER);
    if (header.length < Frames.HEADER) {
      throw new CodecException("truncated " + what + ": the stream ended after "
          + header.length + " bytes, within the " + Frames.HEADER + "-byte header");
    }
    Frames.checkHeader(header[0] & 0xFF, header[1] & 0xFF, header[2] & 0xFF, what);
    Frames.checkKind(header[3] & 0xFF, kind, what);
    FrameInput r = new FrameInput(null, in, Long.MAX_VALUE, what);
    Objects.requireNonNull(r.crc).update(header);
    return r;
  }



  /** The next payload byte (0..255), or -1 at the end of the payload or stream. */
  private int next() throws IOException {
    byte[] b = bytes;
    if (b != null) {
      return pos < end ? b[(int) pos++] & 0xFF : -1;
    }
    int v = Objects.requireNonNull(in).read();
    if (v >= 0) {
      if (pendingCrcSize == pendingCrc.length) {
        flushCrc();
      }
      pendingCrc[pendingCrcSize++] = (byte) v;
      pos++;
    }
    return v;
  }

  private void flushCrc() {
    Objects.requireNonNull(crc).update(pendingCrc, 0, pendingCrcSize);
    pendingCrcSize = 0;
  }

  private CodecException fail(String field, String problem) {
    return new CodecException(what + ": field '" + field + "' at offset " + pos + ": " + problem);
  }

  private CodecException truncated(String field) {
    return fail(field, bytes != null ? "truncated" : "truncated: the stream ended");
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

  /**
   * Checks, for a frame in an array, that at least {@code count} more payload bytes remain, so
   * that a declared size is refused before anything is read for it. On a stream the end is not
   * known, and nothing is done: there the reader allocates only for bytes it has read.
   *
   * @param count the bytes the declared content needs at least
   * @param field the field, for the message
   */
  public void requireRemaining(long count, String field) {
    if (bytes != null && count > end - pos) {
      throw fail(field, "declares content of at least " + count + " bytes but only "
          + (end - pos) + " remain");
    }
  }

  /**
   * Reads an unsigned varint.
   *
   * @param field the field, for messages
   * @return the value, {@code >= 0}
   * @throws IOException when the stream fails
   */
  public long getVarLong(String field) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      int b = next();
      if (b < 0) {
        throw truncated(field);
      }
      if (shift == 56 && b > 0x7F) {
        throw fail(field, "varint longer than 63 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
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
   * @throws IOException when the stream fails
   */
  public long getVarLong(String field, long min, long max) throws IOException {
    long v = getVarLong(field);
    if (v < min || v > max) {
      throw fail(field, "value " + v + " outside " + min + ".." + max);
    }
    return v;
  }

  /**
   * Reads a zig-zag long written by {@link FrameOutput#putSignedLong}.
   *
   * @param field the field, for messages
   * @return the value
   * @throws IOException when the stream fails
   */
  public long getSignedLong(String field) throws IOException {
    long high = getVarLong(field, 0, 1);
    long zz = (high << 63) | getVarLong(field);
    return (zz >>> 1) ^ -(zz & 1);
  }

  /**
   * Reads a boolean byte (0 or 1).
   *
   * @param field the field, for messages
   * @return the value
   * @throws IOException when the stream fails
   */
  public boolean getBoolean(String field) throws IOException {
    int b = next();
    if (b < 0) {
      throw truncated(field);
    }
    if (b > 1) {
      throw fail(field, "boolean byte " + b + " is neither 0 nor 1");
    }
    return b == 1;
  }

  /**
   * Reads an enum constant written as its ordinal varint.
   *
   * @param <E> the enum
   * @param field the field, for messages
   * @param type the enum's class
   * @return the constant
   * @throws IOException when the stream fails
   */
  public <E extends Enum<E>> E getEnum(String field, Class<E> type) throws IOException {
    E[] values = type.getEnumConstants();
    return values[(int) getVarLong(field, 0, values.length - 1)];
  }

  /**
   * Reads a string of at most {@link FrameReader#MAX_STRING_BYTES} bytes of well-formed UTF-8
   * (malformed bytes are refused, not replaced, so that what is read writes back the same).
   *
   * @param field the field, for messages
   * @return the value
   * @throws IOException when the stream fails
   */
  public String getString(String field) throws IOException {
    int length = (int) getVarLong(field, 0, FrameReader.MAX_STRING_BYTES);
    requireRemaining(length, field);
    byte[] utf8;
    int from;
    byte[] b = bytes;
    if (b != null) {
      utf8 = b;
      from = (int) pos;
    } else {
      utf8 = Objects.requireNonNull(in).readNBytes(length);
      from = 0;
      flushCrc();
      Objects.requireNonNull(crc).update(utf8);
      if (utf8.length < length) {
        pos += utf8.length;
        throw truncated(field);
      }
    }
    // ASCII (most ids) decodes the same as Latin-1, without the checking decoder.
    String s = ascii(utf8, from, length)
        ? new String(utf8, from, length, StandardCharsets.ISO_8859_1)
        : decode(utf8, from, length, field);
    pos += length;
    return s;
  }

  private static boolean ascii(byte[] b, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private String decode(byte[] b, int from, int length, String field) {
    try {
      return decoder.reset().decode(ByteBuffer.wrap(b, from, length)).toString();
    } catch (CharacterCodingException e) {
      throw fail(field, "malformed UTF-8 in a string of " + length + " bytes");
    }
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

  /**
   * Ends the frame: for an array, checks that the payload was read to its end (trailing bytes
   * are an error); for a stream, reads the checksum and compares it with the bytes read.
   *
   * @return the frame's length in bytes
   * @throws IOException when the stream fails
   */
  public long finish() throws IOException {
    if (bytes != null) {
      if (pos != end) {
        throw new CodecException(
            what + ": " + (end - pos) + " trailing bytes after the payload at offset " + pos);
      }
      return end + Frames.TRAILER;
    }
    flushCrc();
    int computed = (int) Objects.requireNonNull(crc).getValue();
    byte[] trailer = Objects.requireNonNull(in).readNBytes(Frames.TRAILER);
    if (trailer.length < Frames.TRAILER) {
      throw new CodecException("truncated " + what + ": the stream ended within the checksum "
          + "at offset " + (pos + trailer.length) + " (or the payload is incomplete)");
    }
    Frames.checkCrc(computed, Frames.readInt(trailer, 0), pos + Frames.TRAILER, what);
    return pos + Frames.TRAILER;
  }
}
