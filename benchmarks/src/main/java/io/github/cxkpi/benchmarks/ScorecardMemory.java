package io.github.cxkpi.benchmarks;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.SurveyBatch;
import io.github.cxkpi.scorecard.WindowScheme;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the heap a scorecard keeps: the retained heap (after a full GC) per segment cell,
 * and how the retained heap grows with the number of rows streamed through a scorecard of
 * every KPI (survey answers and 20 % service contacts). Heap is read after {@code System.gc()}
 * so that it is what the scorecard holds, not garbage; the peak of a run is this plus the
 * young generation's garbage, which the JVM sizes, not the library.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.github.cxkpi.benchmarks.ScorecardMemory [rows] [segments] [peak]}; with {@code peak}, the
 * peak heap of a survey stream instead (run it with {@code -Xmx64m}).
 */
public final class ScorecardMemory {
  private static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.APP, Channel.EMAIL,
      Channel.PHONE, Channel.CHAT, Channel.STORE);
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private ScorecardMemory() {}

  private static long retained() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** One row of the stream: surveys on three KPIs and 20 % contacts by 1 M customers. */
  static Interaction row(SplittableRandom rnd, String[] customers, Instant t) {
    Channel channel = CHANNELS.get(rnd.nextInt(CHANNELS.size()));
    String customer = customers[rnd.nextInt(customers.length)];
    int kind = rnd.nextInt(10);
    if (kind < 2) {
      return ServiceContact.builder(customer, t).channel(channel).build();
    }
    String question = kind < 5 ? "nps" : kind < 8 ? "csat" : "ces";
    int score = question.equals("nps") ? rnd.nextInt(11)
        : question.equals("csat") ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(7);
    return SurveyResponse.builder(customer, t).channel(channel).question(question).score(score)
        .build();
  }

  /**
   * Runs both measurements.
   *
   * @param args the number of rows (default 5,000,000) and of segment values (default 200,000)
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int segments = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    if (args.length > 2 && args[2].equals("peak")) {
      peak(rows, false);
      peak(rows, true);
      return;
    }
    perSegment(segments);
    perRow(rows, false);
    perRow(rows, true);
  }

  /** The sum of the heap pools' peak usage since their last reset. */
  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The peak heap while survey rows stream through a scorecard of NPS, CSAT and CES by channel
   * and ISO week, as objects made one at a time or in a reused columnar batch: garbage
   * included, so run it with a small heap ({@code -Xmx64m}) to see that a read needs no more.
   */
  private static void peak(int rows, boolean columns) {
    SplittableRandom rnd = new SplittableRandom(13);
    long span = 180L * 24 * 3600;
    Scorecard card = Scorecard.builder().kpis("nps", "csat", "ces")
        .segmentBy(Segmenter.channel())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC)).build();
    SurveyBatch batch = SurveyBatch.withCapacity(4096);
    int[] profiles = new int[CHANNELS.size()];
    for (int c = 0; c < profiles.length; c++) {
      profiles[c] = batch.profile(CHANNELS.get(c));
    }
    String[] questions = {"nps", "csat", "ces"};
    int[] questionIds = new int[questions.length];
    for (int q = 0; q < questions.length; q++) {
      questionIds[q] = batch.question(questions[q]);
    }
    long base = retained();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long startNanos = System.nanoTime();
    for (int i = 0; i < rows; i++) {
      int c = rnd.nextInt(CHANNELS.size());
      int q = rnd.nextInt(3);
      int score = q == 0 ? rnd.nextInt(11) : q == 1 ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(7);
      Instant t = START.plusSeconds(rnd.nextLong(span));
      if (columns) {
        batch.add(profiles[c], t.toEpochMilli(), questionIds[q], score);
        if (batch.size() == 4096) {
          card.accept(batch);
          batch.clear();
        }
      } else {
        card.accept(SurveyResponse.builder("c" + (i & 0xFFFF), t).channel(CHANNELS.get(c))
            .question(questions[q]).score(score).build());
      }
    }
    card.accept(batch);
    long peak = heapPeak() - base;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s, %d report rows; heap %,d bytes "
        + "before, peak %,d bytes above it (%.2f bytes per row), max heap %,d bytes%n",
        columns ? "columnar batches of 4,096" : "one SurveyResponse per row", rows, seconds,
        card.report().rows().size(), base, peak, (double) peak / rows,
        Runtime.getRuntime().maxMemory());
  }

  private static void perSegment(int segments) {
    String[] values = new String[segments];
    for (int i = 0; i < segments; i++) {
      values[i] = "s" + i;
    }
    for (String[] kpis : List.of(new String[] {"nps"}, new String[] {"nps", "csat", "ces"})) {
      Scorecard card = Scorecard.builder().segmentBy(Segmenter.attribute("store")).build();
      long before = retained();
      for (int i = 0; i < segments; i++) {
        for (String q : kpis) {
          card.accept(SurveyResponse.builder("c", START).question(q).score(4)
              .attribute("store", values[i]).build());
        }
      }
      long after = retained();
      ScorecardReport report = card.report();
      if (report.rows().size() != (long) segments * kpis.length) {
        throw new IllegalStateException("rows: " + report.rows().size());
      }
      System.out.printf(Locale.ROOT, "segment cells with %s answered: %,d; heap per cell "
          + "(segment strings excluded): %,.0f bytes%n", String.join("+", kpis), segments,
          (double) (after - before) / segments);
    }
  }

  /**
   * Streams rows through a scorecard of every KPI by channel and ISO week: in random order
   * without a lateness (repeat-contact FCR must then hold every contact until the end of the
   * input), or in time order with one hour of allowed lateness (it holds only the keys active
   * within the FCR window).
   */
  private static void perRow(int rows, boolean inTimeOrder) {
    String[] customers = new String[1_000_000];
    for (int i = 0; i < customers.length; i++) {
      customers[i] = "c" + i;
    }
    SplittableRandom rnd = new SplittableRandom(11);
    Scorecard.Builder builder = Scorecard.builder().segmentBy(Segmenter.channel())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC));
    if (inTimeOrder) {
      builder.allowedLateness(Duration.ofHours(1));
    }
    Scorecard card = builder.build();
    System.out.println(inTimeOrder ? "rows in time order, lateness 1 hour:"
        : "rows in random order, no lateness:");
    long span = 180L * 24 * 3600;
    long base = retained();
    int step = Math.max(1, rows / 5);
    long first = -1;
    long last = -1;
    for (int i = 1; i <= rows; i++) {
      long second = inTimeOrder ? span * i / rows : rnd.nextLong(span);
      card.accept(row(rnd, customers, START.plusSeconds(second)));
      if (i % step == 0) {
        last = retained() - base;
        if (first < 0) {
          first = last;
        }
        System.out.printf(Locale.ROOT, "rows %,d: scorecard heap %,d bytes (%.1f per row)%n",
            i, last, (double) last / i);
      }
    }
    System.out.printf(Locale.ROOT, "growth from %,d to %,d rows: %.2f bytes per row%n", step,
        rows, (double) (last - first) / (rows - step));
    card.endOfInput();
    System.out.printf(Locale.ROOT, "after the end of the input: %,d bytes%n", retained() - base);
    System.out.println(card.report().rows().size() + " report rows");
    // The customer ids were in the baseline: keep them alive until the last measurement.
    java.lang.ref.Reference.reachabilityFence(customers);
  }
}
