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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The physical lines of an input, decoded strictly: bytes that are not valid in the charset
 * stop the run with the number of the line they are on (never U+FFFD, which would merge
 * distinct values); a byte-order mark at the start is dropped; a line longer than
 * {@link #MAX_LINE_CHARS} is returned as too long, without its text, so that no input makes the
 * reader hold more than that. Lines end at LF, CRLF or CR.
 */
final class InputLines implements Closeable {
  /** The longest line kept, in characters (1 Mi); longer ones are reported, not held. */
  static final int MAX_LINE_CHARS = 1 << 20;

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
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private final StringBuilder line = new StringBuilder();
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private boolean eof;
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
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
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
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < r.length() && bytes.remaining() > i; i++) {
          hex.append(String.format(Locale.ROOT, "%s0x%02X", i == 0 ? "" : " ",
              bytes.get(bytes.position() + i) & 0xFF));
        }
        throw new UndecodableException("line " + lineOfError + ": bytes " + hex + " are not "
            + decoder.charset().name() + " (give the input's encoding with --encoding, e.g. "
            + "--encoding ISO-8859-1)");
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
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
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
