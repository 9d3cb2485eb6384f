package io.github.cxkpi.scale;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.internal.CompensatedSum;

/**
 * A {@link ScaleHistogram}'s bytes inside a frame: for KPI modules whose aggregators embed
 * histograms in their own frames (the rating aggregators write two). Applications use
 * {@link ScaleHistogram#toBytes()} and {@link ScaleHistogram#fromBytes(byte[])}.
 *
 * @since 0.1.0
 */
public final class ScaleHistogramCodec {
  private ScaleHistogramCodec() {}

  /**
   * Writes the scale and the state into a frame: the layout is {@code min, max} (zig-zag),
   * a flag byte (1 when weighted), then per point its count; when weighted, per point also the
   * weighted count and the four doubles of the compensated weight and square sums.
   *
   * @param h the histogram
   * @param w the frame being written
   */
  public static void write(ScaleHistogram h, FrameWriter w) {
    w.putSignedInt(h.min()).putSignedInt(h.max());
    long[] wc = h.weightedCounts;
    w.putBoolean(wc != null);
    for (long c : h.counts) {
      w.putVarLong(c);
    }
    if (wc != null) {
      double[] ws = h.weightSums();
      double[] wq = h.weightSquareSums();
      for (int i = 0; i < h.counts.length; i++) {
        w.putVarLong(wc[i]);
        w.putDouble(ws[2 * i]).putDouble(ws[2 * i + 1]);
        w.putDouble(wq[2 * i]).putDouble(wq[2 * i + 1]);
      }
    }
  }

  /**
   * Reads a histogram written by {@link #write}, checking the scale before allocating and
   * the consistency of every point.
   *
   * @param r the frame being read
   * @return the histogram
   */
  public static ScaleHistogram read(FrameReader r) {
    int lo = r.getSignedInt("scale min", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int hi = r.getSignedInt("scale max", Integer.MIN_VALUE, Integer.MAX_VALUE);
    r.check(hi > lo && (long) hi - lo + 1 <= ScaleHistogram.MAX_POINTS, "scale",
        "scale " + lo + ".." + hi + " must have 2 to " + ScaleHistogram.MAX_POINTS + " points");
    int size = hi - lo + 1;
    boolean weighted = r.getBoolean("weighted");
    // Each count takes at least one byte; a weighted point at least 33 more.
    r.requireRemaining((long) size * (weighted ? 34 : 1), "counts");
    ScaleHistogram h = new ScaleHistogram(lo, hi);
    long total = 0;
    for (int i = 0; i < size; i++) {
      long c = r.getVarLong("count of point " + (lo + i));
      r.check(total <= Long.MAX_VALUE - c, "counts", "total count overflows");
      total += c;
      h.counts[i] = c;
    }
    if (weighted) {
      long[] wc = h.weightedState();
      double[] ws = h.weightSums();
      double[] wq = h.weightSquareSums();
      for (int i = 0; i < size; i++) {
        String point = "point " + (lo + i);
        wc[i] = r.getVarLong("weighted count of " + point, 0, h.counts[i]);
        ws[2 * i] = r.getFinite("weight sum of " + point);
        ws[2 * i + 1] = r.getFinite("weight sum compensation of " + point);
        wq[2 * i] = r.getFinite("weight square sum of " + point);
        wq[2 * i + 1] = r.getFinite("weight square sum compensation of " + point);
        r.check(CompensatedSum.value(ws, 2 * i) >= 0 && CompensatedSum.value(wq, 2 * i) >= 0,
            point, "negative weight sum");
        r.check(wc[i] > 0 || (ws[2 * i] == 0 && wq[2 * i] == 0), point,
            "weight sums without weighted responses");
      }
    }
    return h;
  }

}
