package io.github.cxkpi.cli;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.scorecard.Scorecard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads an input on several cores: the calling thread cuts records (line reading, decoding and
 * quote spans are sequential by nature), worker threads parse them and aggregate into their own
 * scorecards, which are merged at the end: the library's mergeability is what makes the split
 * safe. Batch {@code i} always goes to worker {@code i mod n}, so the split, and with it every
 * figure, is the same from one run to the next.
 *
 * <p>Only for inputs whose figures do not depend on arrival order: without an allowed lateness,
 * a scorecard's cells are functions of the rows alone (tested by the scorecard's order tests).
 *
 * <p>Duplicate case events ({@link CaseEventIds}) are found in line order across the workers:
 * a worker parses its batch on its own, then waits for its turn (the batch before it checked)
 * to check the batch's case events against those of all earlier batches, then aggregates. Only
 * the check, a hash look-up per case row, is sequential; the same rows are refused on any
 * number of threads.
 */
final class ParallelRead {
  private ParallelRead() {}

  /** Records per batch: large enough to amortize the hand-over, small enough to stay in cache. */
  static final int BATCH = 2048;

  /** A bad row: its line and why. */
  record Bad(long line, String problem) {}

  /**
   * What a read gave.
   *
   * @param card the merged scorecard (not ended)
   * @param rows records read, bad ones included
   * @param bad bad rows
   * @param listed the first bad rows in line order (up to the listing limit)
   * @param stopped whether a bad row stopped the read (strict)
   */
  record Outcome(Scorecard card, long rows, long bad, List<Bad> listed, boolean stopped) {}

  private static final List<InteractionReader.Raw> END = List.of();

  /** Whose turn it is to check its batch's case events, shared by the workers. */
  private static final class Turns {
    private final CaseEventIds ids = new CaseEventIds();
    private long next;
    private boolean broken;

    /** Waits until the batch is next (or a worker failed: then returns false). */
    synchronized boolean await(long batch) throws InterruptedException {
      while (next != batch && !broken) {
        wait();
      }
      return !broken;
    }

    synchronized void done() {
      next++;
      notifyAll();
    }

    /** A worker failed: its batches will never be checked, so nobody waits for them. */
    synchronized void breakAll() {
      broken = true;
      notifyAll();
    }

    CaseEventIds ids() {
      return ids;
    }
  }

  /** Where the reading thread reports its progress. */
  interface Progress {
    void at(long rows, long bad);
  }

  private static final class Worker extends Thread {
    final BlockingQueue<List<InteractionReader.Raw>> queue = new ArrayBlockingQueue<>(2);
    final Scorecard card;
    final List<Bad> bad = new ArrayList<>();
    private final InteractionReader reader;
    private final int listLimit;
    private final AtomicLong badCount;
    private final AtomicBoolean stop;
    private final boolean strict;
    private final Turns turns;
    private final int index;
    private final int workers;
    final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Worker(int index, int workers, InteractionReader reader, Scorecard card, int listLimit,
        AtomicLong badCount, AtomicBoolean stop, boolean strict, Turns turns) {
      super("cxkpi-parse-" + index);
      this.index = index;
      this.workers = workers;
      this.turns = turns;
      setDaemon(true);
      this.reader = reader;
      this.card = card;
      this.listLimit = listLimit;
      this.badCount = badCount;
      this.stop = stop;
      this.strict = strict;
    }

    @Override
    public void run() {
      try {
        RowFeed feed = new RowFeed(reader, card, (line, problem) -> {
          badCount.incrementAndGet();
          // Rows are reported in line order: this worker's first bad rows are enough for the
          // first of all.
          if (bad.size() < listLimit) {
            bad.add(new Bad(line, Main.Report.printable(problem)));
          }
          if (strict) {
            stop.set(true);
          }
          return false;
        }, (event, line) -> {
          throw new IllegalStateException("line " + line + ": a case row was not checked");
        });
        // Batches are handed round-robin: this worker's k-th is batch index + k * workers.
        long number = index;
        for (List<InteractionReader.Raw> batch = queue.take(); batch != END;
            batch = queue.take(), number += workers) {
          // A batch taken is finished even after a stop: under --strict, every batch before the
          // failing one is then complete, so the smallest bad line found is the first in the file.
          // Rows that may be case rows are parsed first, for the check in line order.
          InteractionReader.@Nullable Row[] rows = new InteractionReader.Row[batch.size()];
          boolean cases = false;
          for (int r = 0; r < rows.length; r++) {
            if (RowFeed.mayBeCase(batch.get(r))) {
              InteractionReader.Row row = reader.parse(batch.get(r));
              rows[r] = row;
              cases |= row.interaction() instanceof CaseEvent;
            }
          }
          @Nullable String[] duplicates = new String[rows.length];
          if (!turns.await(number)) {
            return; // another worker failed: the read fails
          }
          try {
            for (int r = 0; cases && r < rows.length; r++) {
              InteractionReader.Row row = rows[r];
              if (row != null && row.interaction() instanceof CaseEvent e) {
                duplicates[r] = turns.ids().duplicate(e, row.line());
              }
            }
          } finally {
            turns.done();
          }
          for (int r = 0; r < rows.length; r++) {
            InteractionReader.Row row = rows[r];
            if (row == null) {
              feed.feed(batch.get(r));
            } else {
              feed.feedRow(row, duplicates[r]);
            }
          }
        }
        feed.finish();
      } catch (InterruptedException e) {
        turns.breakAll();
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        failure.set(e);
        stop.set(true);
        turns.breakAll();
        queue.clear();
      }
    }
  }

  /**
   * Reads the whole input.
   *
   * @param reader the opened reader
   * @param cards makes an empty scorecard of the report's configuration, once per worker
   * @param threads the number of worker threads, at least 1
   * @param strict whether the first bad row stops the read
   * @param listLimit how many bad rows to keep for the listing
   * @param progress called by the reading thread with the rows read and the bad rows found so
   *     far, after each batch
   * @return the outcome
   * @throws IOException when the input cannot be read or decoded
   */
  static Outcome read(InteractionReader reader, Supplier<Scorecard> cards, int threads,
      boolean strict, int listLimit, Progress progress) throws IOException {
    AtomicLong badCount = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Worker> workers = new ArrayList<>();
    Turns turns = new Turns();
    for (int w = 0; w < threads; w++) {
      Worker worker = new Worker(w, threads, reader, cards.get(), strict ? 1 : listLimit,
          badCount, stop, strict, turns);
      workers.add(worker);
      worker.start();
    }
    long rows = 0;
    long batches = 0;
    try {
      List<InteractionReader.Raw> batch = new ArrayList<>(BATCH);
      for (InteractionReader.Raw raw = reader.nextRaw(); raw != null && !stop.get();
          raw = reader.nextRaw()) {
        rows++;
        batch.add(raw);
        if (batch.size() == BATCH) {
          hand(workers.get((int) (batches++ % threads)), batch);
          batch = new ArrayList<>(BATCH);
          progress.at(rows, badCount.get());
        }
      }
      if (!batch.isEmpty() && !stop.get()) {
        hand(workers.get((int) (batches % threads)), batch);
      }
    } finally {
      for (Worker w : workers) {
        hand(w, END);
      }
      for (Worker w : workers) {
        join(w);
      }
    }
    for (Worker w : workers) {
      Throwable t = w.failure.get();
      if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      }
    }
    List<Bad> listed = new ArrayList<>();
    Scorecard card = workers.get(0).card;
    for (int w = 0; w < workers.size(); w++) {
      listed.addAll(workers.get(w).bad);
      if (w > 0) {
        card.merge(workers.get(w).card);
      }
    }
    listed.sort(Comparator.comparingLong(Bad::line));
    boolean stopped = strict && !listed.isEmpty();
    return new Outcome(card, rows, badCount.get(), listed.subList(0,
        Math.min(listed.size(), stopped ? 1 : listLimit)), stopped);
  }

  private static void hand(Worker w, List<InteractionReader.Raw> batch) {
    boolean interrupted = false;
    while (true) {
      try {
        // A worker that failed takes nothing more; its queue may stay full.
        if (w.failure.get() != null && batch != END) {
          return;
        }
        if (w.queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          break;
        }
        if (!w.isAlive()) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Worker w) {
    boolean interrupted = false;
    while (true) {
      try {
        w.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
