package io.github.cxkpi.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The physical lines of an input, decoded strictly: bytes that are not valid in the charset
 * stop the run with the number of the line they are on (never U+FFFD, which would merge
 * distinct values); a byte-order mark at the start is dropped; a line longer than
 * {@link #MAX_LINE_CHARS} is returned as too long, without its text, so that no input makes the
 * reader hold more than that. Lines end at LF, CRLF or CR.
 *
 * <p>In a charset where a line feed and a carriage return are single bytes that no other
 * character holds ({@link #cutsBytes}), lines are found among the bytes, and a line's bytes are
 * decoded only when it becomes a string: an ASCII line (the same characters in all of these
 * charsets) is copied, any other is decoded strictly on its own. A caller may take ASCII lines
 * in place, before any string is made ({@link LineFilter}). A line longer than the byte buffer
 * is read the decoding way.
 */
final class InputLines implements Closeable {
  /** The longest line kept, in characters (1 Mi); longer ones are reported, not held. */
  static final int MAX_LINE_CHARS = 1 << 20;

  /**
   * The first read's size, in bytes. Reads double from it up to the buffer, so that a line
   * crosses the end of the bytes read within the first few thousand lines: the JIT's profile
   * sees the way a reader takes there before it compiles the reader (a way never seen is
   * compiled as a trap, which undoes the compiled code when first met, at every buffer).
   */
  static final int FIRST_READ = 1 << 14;

  /** Bytes of the byte buffer's array past its capacity: an eight-byte load fits anywhere. */
  static final int SLACK = 7;

  /** Charsets in which LF and CR are the bytes 0x0A and 0x0D and no other character holds them. */
  private static final Set<Charset> BYTE_LINES = Set.of(StandardCharsets.UTF_8,
      StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));

  /** Whether lines of this charset are found among its bytes (and a file can be cut there). */
  static boolean cutsBytes(Charset charset) {
    return BYTE_LINES.contains(charset);
  }

  /** Takes ASCII lines in place, before a string is made of them. */
  interface LineFilter {
    /**
     * Looks at the line that starts at {@code from} and takes it, or not. A line is taken only
     * when it is ASCII and its terminator (LF or CR) lies before {@code limit}; it is then
     * counted but not returned. The filter finds the terminator itself, in the same pass as it
     * reads the line. The bytes are valid only during the call.
     *
     * @param bytes holds the line
     * @param from the line's first byte
     * @param limit the end of the bytes read so far
     * @param number the line's number, should it be taken
     * @return the position of the taken line's terminator, or -1 when the line is not taken
     */
    int take(byte[] bytes, int from, int limit, long number);
  }

  /** Said by the byte way when the line is longer than its buffer: the decoding way reads it. */
  private static final Line LONGER_THAN_BUFFER = new Line(-1, null);

  /** A physical line: its number (from 1) and text, or {@code null} text when too long. */
  record Line(long number, @Nullable String text) {
    boolean tooLong() {
      return text == null;
    }
  }

  /** Bytes that the charset cannot decode: the whole input is refused. */
  static final class UndecodableException extends IOException {
    private static final long serialVersionUID = 1L;

    UndecodableException(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes;
  private final boolean byteLines;
  private final boolean utf8;
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private final StringBuilder line = new StringBuilder();
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private boolean eof;
  // The most bytes the next read asks for: small at first, doubled each read (see readMore).
  private int readSize = FIRST_READ;
  private boolean decoderFlushed;
  private boolean first;
  private boolean afterCr;
  private long number;

  InputLines(InputStream in, Charset charset) {
    this(in, charset, true);
  }

  /**
   * Lines of an input, or of a part of one that starts at a line ({@code atStart} false: a
   * U+FEFF there is a character of the line, not a byte-order mark).
   */
  InputLines(InputStream in, Charset charset, boolean atStart) {
    this.in = in;
    this.first = atStart;
    this.byteLines = cutsBytes(charset);
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    // The byte way holds a whole line in its buffer: MAX_LINE_CHARS bytes are never too long.
    // The array has SLACK bytes past the buffer's capacity, never read into: a reader may load
    // eight bytes at any position of the buffer (RowFeed's packed look-ups) without a way for
    // the array's last bytes, a branch the JIT would compile as a trap and recompile when met.
    int capacity = byteLines ? MAX_LINE_CHARS : 1 << 16;
    this.bytes = ByteBuffer.wrap(new byte[capacity + SLACK], 0, capacity).slice();
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.flip();
    chars.flip();
  }

  /** Returns lines to be read again, first of them first (after a record that failed). */
  void pushBack(Deque<Line> lines) {
    for (var it = lines.descendingIterator(); it.hasNext(); ) {
      pushedBack.addFirst(it.next());
    }
  }

  /**
   * The next line, or {@code null} at the end of the input.
   *
   * @throws UndecodableException when the line holds bytes the charset cannot decode
   */
  @Nullable Line next() throws IOException {
    return next(null);
  }

  /**
   * The next line not taken by the filter, or {@code null} at the end of the input. Lines
   * pushed back are not offered to it.
   *
   * @param filter takes ASCII lines in place, or {@code null}
   * @throws UndecodableException when the line holds bytes the charset cannot decode
   */
  @Nullable Line next(@Nullable LineFilter filter) throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    if (byteLines && !chars.hasRemaining()) {
      Line l = nextInBytes(filter);
      if (l != LONGER_THAN_BUFFER) {
        return l;
      }
    }
    return nextDecoded();
  }

  /**
   * The byte way: the next line found among the bytes, {@code null} at the end, or
   * {@link #LONGER_THAN_BUFFER}, with the bytes left at the line's start.
   */
  private @Nullable Line nextInBytes(@Nullable LineFilter filter) throws IOException {
    byte[] b = bytes.array();
    while (true) {
      int p = bytes.position();
      int limit = bytes.limit();
      // The bytes read may be used up (p == limit): that case takes the way of a line that
      // crosses their end, below, and is not a test of its own here. As a test of its own it
      // was met only when a read ended exactly at a line end, rarely, so the JIT compiled it as
      // a trap, and meeting it threw away the compiled loop of the read in mid-file.
      if ((first || afterCr) && limit - p < 3 && !eof) {
        readMore();
        continue;
      }
      if (first) {
        first = false;
        // Only UTF-8 spells U+FEFF in these charsets: EF BB BF.
        if (utf8 && limit - p >= 3 && b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB
            && b[p + 2] == (byte) 0xBF) {
          bytes.position(p + 3);
        }
        continue;
      }
      if (afterCr) {
        afterCr = false;
        if (p < limit && b[p] == '\n') {
          bytes.position(p + 1);
        }
        continue; // the LF of a CRLF
      }
      if (filter != null) {
        // Never takes a line at p == limit: a line is taken only with its terminator read.
        int end = filter.take(b, p, limit, number + 1);
        if (end >= 0) {
          number++;
          afterCr = b[end] == '\r';
          bytes.position(end + 1);
          continue;
        }
      }
      int e = p;
      int high = 0; // the OR of the line's bytes: negative when one is not ASCII
      while (e < limit) {
        byte c = b[e];
        if (c == '\n' || c == '\r') {
          break;
        }
        high |= c;
        e++;
      }
      if (e == limit) {
        if (!eof) {
          if (p == 0 && limit == bytes.capacity()) {
            return LONGER_THAN_BUFFER;
          }
          readMore(); // the line's end is not read yet (or no byte of it is)
          continue;
        }
        if (p == limit) {
          return null; // the end of the input
        }
      }
      number++;
      boolean cr = e < limit && b[e] == '\r';
      int next = e < limit ? e + 1 : e;
      String text = high >= 0 ? new String(b, p, e - p, StandardCharsets.ISO_8859_1)
          : decodeLine(b, p, e);
      bytes.position(next);
      afterCr = cr;
      return new Line(number, text);
    }
  }

  /** Moves the unread bytes to the buffer's start and reads after them. */
  private void readMore() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), Math.min(bytes.remaining(), readSize));
    readSize = (int) Math.min(Integer.MAX_VALUE, 2L * readSize);
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /** The current line's bytes [from, to), not all ASCII, decoded strictly. */
  private String decodeLine(byte[] b, int from, int to) throws UndecodableException {
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    // No character of these charsets takes fewer bytes than chars.
    CharBuffer out = CharBuffer.allocate(to - from);
    decoder.reset();
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    decoder.reset();
    if (r.isError()) {
      throw undecodable(number, in, r);
    }
    return new String(out.array(), 0, out.position());
  }

  private UndecodableException undecodable(long lineOfError, ByteBuffer in, CoderResult r) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < r.length() && in.remaining() > i; i++) {
      hex.append(String.format(Locale.ROOT, "%s0x%02X", i == 0 ? "" : " ",
          in.get(in.position() + i) & 0xFF));
    }
    return new UndecodableException("line " + lineOfError + ": bytes " + hex + " are not "
        + decoder.charset().name() + " (give the input's encoding with --encoding, e.g. "
        + "--encoding ISO-8859-1)");
  }

  /** The decoding way: characters decoded a buffer at a time, lines cut among them. */
  private @Nullable Line nextDecoded() throws IOException {
    line.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (!chars.hasRemaining() && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      if (first) {
        first = false;
        if (chars.get(chars.position()) == '\uFEFF') {
          chars.position(chars.position() + 1);
          continue;
        }
      }
      if (afterCr) {
        afterCr = false;
        if (chars.get(chars.position()) == '\n') {
          chars.position(chars.position() + 1);
          continue; // the LF of a CRLF
        }
      }
      any = true;
      // The rest of the line in this buffer, appended in one piece (not a char at a time).
      char[] a = chars.array();
      int off = chars.arrayOffset();
      int from = chars.position();
      int limit = chars.limit();
      int end = from;
      while (end < limit && a[off + end] != '\n' && a[off + end] != '\r') {
        end++;
      }
      if (end < limit && line.length() == 0 && end - from <= MAX_LINE_CHARS) {
        // The whole line lies in this buffer: one copy into its string (which compacts Latin-1
        // text in one vectorized pass, where a builder checks char by char).
        afterCr = a[off + end] == '\r';
        chars.position(end + 1);
        number++;
        return new Line(number, new String(a, off + from, end - from));
      }
      int room = MAX_LINE_CHARS - line.length();
      if (end - from <= room) {
        line.append(a, off + from, end - from);
      } else {
        line.append(a, off + from, room);
        tooLong = true;
      }
      if (end < limit) {
        afterCr = a[off + end] == '\r';
        chars.position(end + 1);
        break;
      }
      chars.position(limit);
    }
    number++;
    return new Line(number, tooLong ? null : line.toString());
  }

  /** Decodes more characters; {@code false} at the end of the input. */
  private boolean fill() throws IOException {
    chars.clear();
    if (decoderFlushed) {
      chars.flip();
      return false; // the end was reached before (lines pushed back since have been read)
    }
    while (true) {
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        chars.flip();
        // The characters before the bad bytes belong to the current line: count them in.
        long lineOfError = number + 1;
        for (int i = 0; i < chars.limit(); i++) {
          char c = chars.get(i);
          if (c == '\n' || (c == '\r' && (i + 1 >= chars.limit() || chars.get(i + 1) != '\n'))) {
            lineOfError++;
          }
        }
        throw undecodable(lineOfError, bytes, r);
      }
      if (chars.position() > 0) {
        chars.flip();
        return true;
      }
      if (eof) {
        if (!decoderFlushed) {
          decoderFlushed = true;
          decoder.flush(chars);
          if (chars.position() > 0) {
            chars.flip();
            return true;
          }
        }
        chars.flip();
        return false;
      }
      readMore();
    }
  }

  /** The physical lines read so far (the last line's number). */
  long lineCount() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
