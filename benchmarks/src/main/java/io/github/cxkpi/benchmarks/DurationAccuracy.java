package io.github.cxkpi.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import io.github.cxkpi.time.DurationHistogram;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Size and quantile error of the cxkpi {@link DurationHistogram}, HdrHistogram (2 significant
 * digits) and DDSketch (1 %) on the same 10 million durations (nanoseconds; a mixture of
 * lognormal contact times, Pareto case times and bimodal waits, from 1 ms to about a year),
 * against the exact order statistics from sorting. Each structure is judged on its own rank
 * convention (cxkpi: rank ceil(q n); DDSketch: floor(q (n - 1)) + 1; HdrHistogram: the value at
 * the percentile, rank max(1, round(q n))), over 1,001 quantiles 0, 0.001, ..., 1 and then
 * the 0.9999 and 0.99999.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.cxkpi.benchmarks.DurationAccuracy [count]}.
 */
public final class DurationAccuracy {
  private DurationAccuracy() {}

  /** A duration in nanoseconds from the mixture. */
  static long next(SplittableRandom r) {
    double seconds = switch (r.nextInt(3)) {
      case 0 -> Math.exp(Math.log(300) + 0.8 * gaussian(r)); // handle times
      case 1 -> 60 * Math.pow(1 - r.nextDouble(), -1 / 1.2); // case times, heavy tail
      default -> r.nextInt(3) == 0 ? Math.abs(600 + 120 * gaussian(r))
          : Math.abs(5 + 3 * gaussian(r)); // waits
    };
    return Math.max(1_000_000L, (long) Math.min(3.15e16, seconds * 1e9));
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * Prints the table.
   *
   * @param args optionally the count (default 10,000,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    long[] values = new long[n];
    SplittableRandom r = new SplittableRandom(2026);
    DurationHistogram ours = DurationHistogram.create(0.01, List.of());
    Histogram hdr = new Histogram(2);
    hdr.setAutoResize(true);
    DDSketch dd = DDSketches.unboundedDense(0.01);
    for (int i = 0; i < n; i++) {
      long v = next(r);
      values[i] = v;
      ours.recordNanos(v);
      hdr.recordValue(v);
      dd.accept(v);
    }
    Arrays.sort(values);
    double oursMax = 0;
    double hdrMax = 0;
    double ddMax = 0;
    double[] qs = new double[1003];
    for (int k = 0; k <= 1000; k++) {
      qs[k] = k / 1000.0;
    }
    qs[1001] = 0.9999;
    qs[1002] = 0.99999;
    for (double q : qs) {
      long rankOurs = Math.max(1, (long) Math.ceil(q * n));
      oursMax = Math.max(oursMax, err(ours.quantileNanos(q), values[(int) rankOurs - 1]));
      long rankDd = (long) Math.floor(q * (n - 1)) + 1;
      ddMax = Math.max(ddMax, err(dd.getValueAtQuantile(q), values[(int) rankDd - 1]));
      long rankHdr = Math.max(1, Math.round(q * n));
      hdrMax = Math.max(hdrMax, err(hdr.getValueAtPercentile(100 * q),
          values[(int) Math.min(n, rankHdr) - 1]));
    }
    ByteBuffer hb = ByteBuffer.allocate(hdr.getNeededByteBufferCapacity());
    int hdrPlain = hdr.encodeIntoByteBuffer(hb);
    ByteBuffer hc = ByteBuffer.allocate(hdr.getNeededByteBufferCapacity());
    int hdrCompressed = hdr.encodeIntoCompressedByteBuffer(hc);
    System.out.printf(Locale.ROOT, "%d durations, %.3f ms .. %.1f days%n", n,
        values[0] / 1e6, values[n - 1] / 8.64e13);
    System.out.printf(Locale.ROOT, "%-38s %12s %12s%n", "structure", "bytes", "max rel. err");
    System.out.printf(Locale.ROOT, "%-38s %12d %12.5f%n", "cxkpi DurationHistogram (1 %)",
        ours.toBytes().length, oursMax);
    System.out.printf(Locale.ROOT, "%-38s %12d %12.5f%n", "DDSketch 0.8.3 unboundedDense (1 %)",
        dd.serializedSize(), ddMax);
    System.out.printf(Locale.ROOT, "%-38s %12d %12.5f%n", "HdrHistogram 2.2.2 (2 digits)",
        hdrPlain, hdrMax);
    System.out.printf(Locale.ROOT, "%-38s %12d %12s%n", "HdrHistogram 2.2.2 compressed",
        hdrCompressed, "");
    System.out.printf(Locale.ROOT, "cxkpi exact: count %d, min %d ns, max %d ns, mean %.6f s%n",
        ours.count(), ours.minNanos(), ours.maxNanos(), ours.meanSeconds());
  }

  private static double err(double estimate, long exact) {
    return Math.abs(estimate - exact) / exact;
  }
}
