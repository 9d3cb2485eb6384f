package io.github.cxkpi.scale;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.internal.CompensatedSum;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * How many responses, and how much weight, fell on each point of a bounded integer scale:
 * the streaming primitive under every rating KPI.
 *
 * <p>{@link #add(int)} is one range check and one array increment, with no allocation.
 * {@link #add(int, double)} also keeps, per point, the sum of weights and of squared weights
 * (Neumaier-compensated) for weighted shares and Kish's effective sample size; an unweighted
 * response counts as weight 1, so both kinds mix. Counts are exact: an overflow throws
 * {@link ArithmeticException}, it never wraps. Merging adds counts point by point, so it is
 * exact, associative and commutative; weight sums merge to within a few ulps.
 *
 * <p><b>Not thread-safe</b>: one writer at a time. For many writer threads use a
 * {@link RatingRecorder}.
 *
 * @since 0.1.0
 */
public final class ScaleHistogram implements IntConsumer {
  /** The widest scale: 1,001 points (rating scales have 2 to 11). */
  public static final int MAX_POINTS = 1001;

  /** The frame kind of a bare histogram. */
  public static final int FRAME_KIND = 1;

  private final int min;
  private final int max;
  final long[] counts;
  // Weighted state, allocated on the first weighted add: per point the number of explicitly
  // weighted responses, and compensated (sum, compensation) pairs of weights and squares.
  long @Nullable [] weightedCounts;
  private double @Nullable [] weightSums;
  private double @Nullable [] weightSquareSums;

  ScaleHistogram(int min, int max) {
    this.min = min;
    this.max = max;
    this.counts = new long[max - min + 1];
  }

  /**
   * An empty histogram over the points {@code min..max}.
   *
   * @param min the lowest point
   * @param max the highest point, {@code > min}, at most {@link #MAX_POINTS} points in all
   * @return the histogram
   */
  public static ScaleHistogram of(int min, int max) {
    checkScale(min, max);
    return new ScaleHistogram(min, max);
  }

  static void checkScale(int min, int max) {
    if (max <= min) {
      throw new IllegalArgumentException(
          "scale max must be greater than min, was " + min + ".." + max);
    }
    if ((long) max - min + 1 > MAX_POINTS) {
      throw new IllegalArgumentException(
          "scale must have at most " + MAX_POINTS + " points, was " + min + ".." + max);
    }
  }

  /**
   * The lowest point.
   *
   * @return the lowest point
   */
  public int min() {
    return min;
  }

  /**
   * The highest point.
   *
   * @return the highest point
   */
  public int max() {
    return max;
  }

  /**
   * Whether a score lies on the scale.
   *
   * @param score the score
   * @return {@code true} when {@code min <= score <= max}
   */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  private IllegalArgumentException outOfScale(int score) {
    return new IllegalArgumentException(
        "score " + score + " is outside the scale " + min + ".." + max);
  }

  /**
   * Records one response of weight 1.
   *
   * @param score a point of the scale
   * @throws IllegalArgumentException when the score is off the scale
   * @throws ArithmeticException when the point's count would overflow
   */
  public void add(int score) {
    int i = score - min;
    if (Integer.compareUnsigned(i, counts.length) >= 0) {
      throw outOfScale(score);
    }
    counts[i] = Math.incrementExact(counts[i]);
  }

  /**
   * The live counts array, for {@link RatingAggregator}'s hot path: its identity never changes
   * (reset and copies write into it).
   */
  long[] liveCounts() {
    return counts;
  }

  /** Same as {@link #add(int)}, so that a histogram is an {@link IntConsumer}. */
  @Override
  public void accept(int score) {
    add(score);
  }

  /**
   * Records one weighted response.
   *
   * @param score a point of the scale
   * @param weight a finite, positive weight
   * @throws IllegalArgumentException when the score is off the scale or the weight is not
   *     finite and positive
   */
  public void add(int score, double weight) {
    int i = score - min;
    if (Integer.compareUnsigned(i, counts.length) >= 0) {
      throw outOfScale(score);
    }
    Checks.positiveWeight(weight, "weight");
    if (weight == 1.0) {
      counts[i] = Math.incrementExact(counts[i]);
      return;
    }
    long[] wc = weightedState();
    long c = Math.incrementExact(counts[i]);
    wc[i]++; // cannot overflow: wc[i] <= counts[i]
    counts[i] = c;
    CompensatedSum.add(weightSums(), 2 * i, weight);
    CompensatedSum.add(weightSquareSums(), 2 * i, weight * weight);
  }

  long[] weightedState() {
    long[] wc = weightedCounts;
    if (wc == null) {
      wc = new long[counts.length];
      weightSums = new double[2 * counts.length];
      weightSquareSums = new double[2 * counts.length];
      weightedCounts = wc;
    }
    return wc;
  }

  double[] weightSums() {
    return Objects.requireNonNull(weightSums);
  }

  double[] weightSquareSums() {
    return Objects.requireNonNull(weightSquareSums);
  }

  /**
   * Records many responses of weight 1. Failure-atomic: when any score is off the scale,
   * nothing is recorded.
   *
   * @param scores the scores
   * @throws IllegalArgumentException naming the first score off the scale and its index
   */
  public void addAll(int[] scores) {
    addAll(scores, 0, scores.length);
  }

  /**
   * Records the responses {@code scores[from..to)}, failure-atomically.
   *
   * @param scores the scores
   * @param from the first index
   * @param to the index after the last
   */
  public void addAll(int[] scores, int from, int to) {
    Objects.checkFromToIndex(from, to, scores.length);
    long n = to - from;
    for (long c : counts) {
      if (c > Long.MAX_VALUE - n) {
        addAllSlow(scores, from, to);
        return;
      }
    }
    // One pass, as fast as a raw loop: the array's own bounds check is the range check (the
    // array spans exactly the scale). On a score off the scale, undo what was added.
    final long[] cs = counts;
    final int lo = min;
    int k = from;
    try {
      for (; k < to; k++) {
        cs[scores[k] - lo]++; // no overflow: checked above
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      for (int u = from; u < k; u++) {
        cs[scores[u] - lo]--;
      }
      throw new IllegalArgumentException(
          "score " + scores[k] + " at index " + k + " is outside the scale " + min + ".." + max
              + "; nothing was recorded");
    }
  }

  private void addAllSlow(int[] scores, int from, int to) {
    long[] delta = new long[counts.length];
    for (int k = from; k < to; k++) {
      if (!contains(scores[k])) {
        throw new IllegalArgumentException(
            "score " + scores[k] + " at index " + k + " is outside the scale " + min + ".." + max
                + "; nothing was recorded");
      }
      delta[scores[k] - min]++;
    }
    addCounts(delta);
  }

  /** Adds counts of weight 1 per point, failure-atomically (overflow checked first). */
  void addCounts(long[] delta) {
    checkCanAdd(delta);
    for (int i = 0; i < counts.length; i++) {
      counts[i] += delta[i];
    }
  }

  /**
   * Records every score of a stream, failure-atomically (the stream is consumed either way).
   *
   * @param scores the scores
   * @throws IllegalArgumentException naming the first score off the scale
   */
  public void addAll(IntStream scores) {
    long[] delta = new long[counts.length];
    final int lo = min;
    final int size = counts.length;
    scores.sequential().forEach(s -> {
      int i = s - lo;
      if (Integer.compareUnsigned(i, size) >= 0) {
        throw new IllegalArgumentException(
            "score " + s + " is outside the scale " + min + ".." + max + "; nothing was recorded");
      }
      delta[i] = Math.incrementExact(delta[i]);
    });
    addCounts(delta);
  }

  /**
   * Adds another histogram of the same scale, point by point. Failure-atomic: on a scale
   * mismatch or an overflow nothing changes.
   *
   * @param other a histogram of the same scale; it is not changed
   * @return this histogram
   * @throws IllegalArgumentException when the scales differ
   * @throws ArithmeticException when a count would overflow
   */
  public ScaleHistogram merge(ScaleHistogram other) {
    Objects.requireNonNull(other, "other is null");
    if (other.min != min || other.max != max) {
      throw new IllegalArgumentException(
          "cannot merge a histogram of scale " + other.min + ".." + other.max + " into one of "
              + min + ".." + max);
    }
    if (other == this) {
      return merge(other.copy());
    }
    checkCanMerge(other);
    addCounts(other.counts);
    long[] owc = other.weightedCounts;
    if (owc != null && weightedCounts == null) {
      // Nothing weighted here yet: take the other's sums as they are (exact, and byte-identical).
      weightedCounts = owc.clone();
      weightSums = other.weightSums().clone();
      weightSquareSums = other.weightSquareSums().clone();
    } else if (owc != null) {
      long[] wc = weightedState();
      double[] ws = weightSums();
      double[] wq = weightSquareSums();
      double[] ows = other.weightSums();
      double[] owq = other.weightSquareSums();
      for (int i = 0; i < counts.length; i++) {
        wc[i] += owc[i];
        CompensatedSum.add(ws, 2 * i, ows[2 * i]);
        CompensatedSum.add(ws, 2 * i, ows[2 * i + 1]);
        CompensatedSum.add(wq, 2 * i, owq[2 * i]);
        CompensatedSum.add(wq, 2 * i, owq[2 * i + 1]);
      }
    }
    return this;
  }

  /** Makes this histogram an exact copy of another of the same scale. */
  void setFrom(ScaleHistogram other) {
    System.arraycopy(other.counts, 0, counts, 0, counts.length);
    weightedCounts = other.weightedCounts == null ? null : other.weightedCounts.clone();
    weightSums = other.weightSums == null ? null : other.weightSums.clone();
    weightSquareSums = other.weightSquareSums == null ? null : other.weightSquareSums.clone();
  }

  /** Throws {@link ArithmeticException} when merging {@code other} would overflow a count. */
  void checkCanMerge(ScaleHistogram other) {
    checkCanAdd(other.counts);
  }

  // The total too must fit in a long: every statistic reads it.
  private void checkCanAdd(long[] delta) {
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > Long.MAX_VALUE - delta[i]) {
        throw new ArithmeticException(
            "count of point " + (min + i) + " would overflow: " + counts[i] + " + " + delta[i]);
      }
      long sum = counts[i] + delta[i];
      if (total > Long.MAX_VALUE - sum) {
        throw new ArithmeticException("the total count would overflow a long: "
            + totalCount() + " + " + Arrays.stream(delta).sum());
      }
      total += sum;
    }
  }

  /** Forgets everything recorded; the scale stays. */
  public void reset() {
    Arrays.fill(counts, 0);
    weightedCounts = null;
    weightSums = null;
    weightSquareSums = null;
  }

  /**
   * An independent copy.
   *
   * @return the copy
   */
  public ScaleHistogram copy() {
    ScaleHistogram h = new ScaleHistogram(min, max);
    System.arraycopy(counts, 0, h.counts, 0, counts.length);
    if (weightedCounts != null) {
      h.weightedCounts = weightedCounts.clone();
      h.weightSums = weightSums().clone();
      h.weightSquareSums = weightSquareSums().clone();
    }
    return h;
  }

  private int index(int score) {
    if (!contains(score)) {
      throw outOfScale(score);
    }
    return score - min;
  }

  /**
   * The number of responses on a point.
   *
   * @param score a point of the scale
   * @return its count
   */
  public long count(int score) {
    return counts[index(score)];
  }

  /**
   * The sum of the weights on a point (an unweighted response weighs 1).
   *
   * @param score a point of the scale
   * @return the weight sum
   */
  public double weight(int score) {
    int i = index(score);
    long[] wc = weightedCounts;
    if (wc == null) {
      return counts[i];
    }
    return (counts[i] - wc[i]) + CompensatedSum.value(weightSums(), 2 * i);
  }

  /**
   * The sum of the squared weights on a point.
   *
   * @param score a point of the scale
   * @return the sum of squares
   */
  public double weightSquares(int score) {
    int i = index(score);
    long[] wc = weightedCounts;
    if (wc == null) {
      return counts[i];
    }
    return (counts[i] - wc[i]) + CompensatedSum.value(weightSquareSums(), 2 * i);
  }

  /**
   * The number of responses on all points.
   *
   * @return the total count
   * @throws ArithmeticException when it exceeds {@code Long.MAX_VALUE}
   */
  public long totalCount() {
    long n = 0;
    for (long c : counts) {
      n = Math.addExact(n, c);
    }
    return n;
  }

  /**
   * The sum of all weights.
   *
   * @return the total weight
   */
  public double totalWeight() {
    double s = 0;
    for (int i = 0; i < counts.length; i++) { // by index: a scale may end at Integer.MAX_VALUE
      s += weight(min + i);
    }
    return s;
  }

  /**
   * The sum of all squared weights.
   *
   * @return the total of squares
   */
  public double totalWeightSquares() {
    double s = 0;
    for (int i = 0; i < counts.length; i++) {
      s += weightSquares(min + i);
    }
    return s;
  }

  /**
   * Whether any response carried a weight other than 1.
   *
   * @return {@code true} when weighted
   */
  public boolean isWeighted() {
    return weightedCounts != null;
  }

  /**
   * Whether nothing has been recorded.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    for (long c : counts) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The counts of all points, lowest first, as a new array.
   *
   * @return the counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Serializes this histogram as a frame of kind {@link #FRAME_KIND}.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(FRAME_KIND);
    ScaleHistogramCodec.write(this, w);
    return w.finish();
  }

  /**
   * Decodes a histogram written by {@link #toBytes()}.
   *
   * @param bytes the bytes
   * @return the histogram
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static ScaleHistogram fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, FRAME_KIND, "scale histogram");
    ScaleHistogram h = ScaleHistogramCodec.read(r);
    r.finish();
    return h;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScaleHistogram h)) {
      return false;
    }
    return min == h.min && max == h.max && Arrays.equals(counts, h.counts)
        && Arrays.equals(weightedCounts, h.weightedCounts)
        && Arrays.equals(weightSums, h.weightSums)
        && Arrays.equals(weightSquareSums, h.weightSquareSums);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * min + max) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ScaleHistogram[" + min + ".." + max + ", counts=" + Arrays.toString(counts)
        + (isWeighted() ? ", weighted" : "") + "]";
  }
}
