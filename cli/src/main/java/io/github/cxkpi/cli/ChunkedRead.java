package io.github.cxkpi.cli;

import io.github.cxkpi.scorecard.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a plain file on several cores with nothing sequential: the file is cut into one part
 * per thread at line starts, and each thread decodes, cuts, parses and aggregates its own part
 * into its own scorecard; the scorecards merge at the end. The first part holds the header.
 *
 * <p>A cut may fall inside a quoted field that spans lines. The part before it then ends with
 * the field still open, which its reader reports; any such part, and any part that cannot be
 * decoded, makes the read give up ({@code null}) so that the caller reads the file from the
 * start on one reading thread, which gives the exact rows and messages. Every other cut is at
 * a record start of the whole file, so the parts hold exactly the file's records: the same
 * rows, the same bad rows at the same lines (renumbered from each part's first line), the same
 * figures (merge is exact; without an allowed lateness nothing depends on row order).
 *
 * <p>A file with case rows is read the previous way too: a repeated case event is refused in
 * line order across the whole file ({@link CaseEventIds}), which parts read at once cannot do.
 */
final class ChunkedRead {
  private ChunkedRead() {}

  /** Files smaller than this are read as before: cutting them would not pay. */
  static final long MIN_BYTES = 4L << 20;

  /** Whether a file in this charset can be cut at line feeds. */
  static boolean cuttable(Charset charset) {
    return InputLines.cutsBytes(charset);
  }

  /** What one part gave; lines are numbered within the part. */
  private static final class Part extends Thread {
    final Path file;
    final long start;
    final long end;
    final Charset charset;
    final InteractionReader.Format format;
    final @Nullable List<String> header;
    final Scorecard card;
    final boolean strict;
    final int listLimit;
    final AtomicLong progress;
    final List<ParallelRead.Bad> bad = new ArrayList<>();
    long rows;
    long badCount;
    long lines;
    boolean openQuoteAtEnd;
    boolean caseRows;
    List<String> readHeader = List.of();
    final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Part(int index, Path file, long start, long end, Charset charset,
        InteractionReader.Format format, @Nullable List<String> header, Scorecard card,
        boolean strict, int listLimit, AtomicLong progress) {
      super("cxkpi-part-" + index);
      setDaemon(true);
      this.file = file;
      this.start = start;
      this.end = end;
      this.charset = charset;
      this.format = format;
      this.header = header;
      this.card = card;
      this.strict = strict;
      this.listLimit = listLimit;
      this.progress = progress;
    }

    @Override
    public void run() {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
          InteractionReader reader = header == null
              ? InteractionReader.open(range(ch, start, end), charset, format)
              : InteractionReader.part(range(ch, start, end), charset, format, header)) {
        readHeader = reader.header();
        long sinceProgress = 0;
        RowFeed feed = new RowFeed(reader, card, (line, problem) -> {
          badCount++;
          if (bad.size() < listLimit) {
            bad.add(new ParallelRead.Bad(line, Main.Report.printable(problem)));
          }
          return strict; // under --strict the first bad row of this part stops it
        }, (event, line) -> {
          // Repeated case events are found in line order across the whole file: not in parts.
          throw new CaseRowsMet();
        });
        // Rows of the common shape are taken from the reader's bytes, before they become
        // strings (and counted for the progress line at each batch); the reader returns the
        // others.
        feed.onFlush(progress::addAndGet);
        reader.takeLines(feed::take);
        for (InteractionReader.Raw raw = reader.nextRaw(); raw != null && !feed.stopped();
            raw = reader.nextRaw()) {
          rows++;
          if (++sinceProgress == 4096) {
            progress.addAndGet(sinceProgress);
            sinceProgress = 0;
          }
          feed.feed(raw);
        }
        if (!feed.stopped()) {
          feed.finish();
        }
        rows += feed.takenLines();
        progress.addAndGet(sinceProgress);
        lines = reader.lineCount();
        openQuoteAtEnd = reader.endedInOpenQuote();
      } catch (CaseRowsMet e) {
        caseRows = true;
      } catch (IOException | RuntimeException | Error e) {
        failure.set(e);
      }
    }
  }

  /** A part met a case row: the read gives up (see {@link CaseEventIds}). */
  private static final class CaseRowsMet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseRowsMet() {
      super(null, null, false, false);
    }
  }

  /** The bytes [start, end) of a file. */
  private static InputStream range(FileChannel ch, long start, long end) {
    return new InputStream() {
      private long position = start;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
          return -1;
        }
        int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n > 0) {
          position += n;
        }
        return n;
      }
    };
  }

  /** The first position after a line feed at or after {@code from}, or the file's size. */
  private static long lineStartAfter(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long position = from;
    while (position < size) {
      buf.clear();
      int n = ch.read(buf, position);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += n;
    }
    return size;
  }

  /**
   * Reads a file in parts, or gives up.
   *
   * @return the outcome, or {@code null} when the file must be read from its start on one
   *     reading thread (a cut inside a quoted field, bytes not in the charset, a bad header)
   */
  static ParallelRead.@Nullable Outcome read(Path file, Charset charset,
      InteractionReader.Format format, Supplier<Scorecard> cards, int threads, boolean strict,
      int listLimit, ParallelRead.Progress progress) throws IOException {
    long[] cuts = new long[threads + 1];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      cuts[threads] = size;
      for (int t = 1; t < threads; t++) {
        cuts[t] = Math.max(cuts[t - 1], lineStartAfter(ch, size / threads * t, size));
      }
    }
    // The first part reads the header; the others need it before they start.
    AtomicLong rowsRead = new AtomicLong();
    List<Part> parts = new ArrayList<>();
    Part first = new Part(0, file, cuts[0], cuts[1], charset, format, null, cards.get(), strict,
        strict ? 1 : listLimit, rowsRead);
    List<String> header;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        InteractionReader probe = InteractionReader.open(range(ch, cuts[0], cuts[1]), charset,
            format)) {
      header = probe.header();
    } catch (IOException e) {
      return null; // the read from the start reports it
    }
    parts.add(first);
    for (int t = 1; t < threads; t++) {
      parts.add(new Part(t, file, cuts[t], cuts[t + 1], charset, format, header, cards.get(),
          strict, strict ? 1 : listLimit, rowsRead));
    }
    for (Part p : parts) {
      p.start();
    }
    // An interrupt is kept for the caller, not obeyed: the parts finish their reads.
    boolean interrupted = false;
    for (Part p : parts) {
      while (p.isAlive()) {
        interrupted |= joinFor(p, 1000);
        progress.at(rowsRead.get(), 0);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Part p : parts) {
      Throwable t = p.failure.get();
      if (t instanceof IOException) {
        return null;
      } else if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      }
    }
    for (int t = 0; t < parts.size(); t++) {
      if ((t < parts.size() - 1 && parts.get(t).openQuoteAtEnd) || parts.get(t).caseRows) {
        return null;
      }
    }
    // Renumber lines from each part's first line; merge in file order.
    List<ParallelRead.Bad> listed = new ArrayList<>();
    long lineOffset = 0;
    long rows = 0;
    long bad = 0;
    Scorecard card = parts.get(0).card;
    for (int t = 0; t < parts.size(); t++) {
      Part p = parts.get(t);
      for (ParallelRead.Bad b : p.bad) {
        listed.add(new ParallelRead.Bad(b.line() + lineOffset, b.problem()));
      }
      lineOffset += p.lines;
      rows += p.rows;
      bad += p.badCount;
      if (t > 0) {
        card.merge(p.card);
      }
      if (strict && !p.bad.isEmpty()) {
        break; // the first bad row of the file is in this part
      }
    }
    listed.sort(Comparator.comparingLong(ParallelRead.Bad::line));
    boolean stopped = strict && !listed.isEmpty();
    return new ParallelRead.Outcome(card, rows, bad, listed.subList(0,
        Math.min(listed.size(), stopped ? 1 : listLimit)), stopped);
  }

  /** Waits up to a time for a part; says whether the wait was interrupted. */
  private static boolean joinFor(Thread t, long millis) {
    try {
      t.join(millis);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }
}
