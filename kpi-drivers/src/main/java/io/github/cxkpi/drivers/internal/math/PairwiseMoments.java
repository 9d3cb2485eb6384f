package io.github.cxkpi.drivers.internal.math;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;

/**
 * Moments for pairwise deletion: for each variable, the {@link CoMoments} of the observations
 * that have it; for each pair of variables, the {@link CoMoments} of the observations that have
 * both (so that each correlation uses every observation that has its two variables). An
 * observation updates the accumulators of the variables and pairs it has, O(d^2); merging merges
 * each exactly (Chan et al.). Mutable, not thread-safe.
 */
public final class PairwiseMoments {
  private final int d;
  private final CoMoments[] single;
  private final CoMoments[] pairs; // index of (i, j), i < j: see pair()
  private final double[] two = new double[2];
  private final double[] one = new double[1];

  /**
   * An empty accumulator.
   *
   * @param d the number of variables, 1 to 64
   */
  public PairwiseMoments(int d) {
    this(d, new CoMoments[d], new CoMoments[d * (d - 1) / 2]);
    for (int i = 0; i < d; i++) {
      single[i] = new CoMoments(1);
    }
    for (int p = 0; p < pairs.length; p++) {
      pairs[p] = new CoMoments(2);
    }
  }

  private PairwiseMoments(int d, CoMoments[] single, CoMoments[] pairs) {
    this.d = d;
    this.single = single;
    this.pairs = pairs;
  }

  private int pair(int i, int j) {
    return i * d - i * (i + 1) / 2 + (j - i - 1);
  }

  /**
   * Adds the values an observation has.
   *
   * @param weight its weight, finite and positive (not checked here)
   * @param x its values (those not in {@code has} are ignored)
   * @param has bit i set when the observation has variable i
   */
  public void add(double weight, double[] x, long has) {
    for (int i = 0; i < d; i++) {
      if ((has & (1L << i)) == 0) {
        continue;
      }
      one[0] = x[i];
      single[i].add(weight, one);
      for (int j = i + 1; j < d; j++) {
        if ((has & (1L << j)) != 0) {
          two[0] = x[i];
          two[1] = x[j];
          pairs[pair(i, j)].add(weight, two);
        }
      }
    }
  }

  /**
   * Checks that merging another would not overflow a count.
   *
   * @param other the other
   * @throws ArithmeticException when it would
   */
  public void checkMerge(PairwiseMoments other) {
    for (int i = 0; i < d; i++) {
      Math.addExact(single[i].count(), other.single[i].count());
    }
    for (int p = 0; p < pairs.length; p++) {
      Math.addExact(pairs[p].count(), other.pairs[p].count());
    }
  }

  /**
   * Adds another accumulator of the same dimension; call {@link #checkMerge} first.
   *
   * @param other the other, unchanged
   */
  public void merge(PairwiseMoments other) {
    for (int i = 0; i < d; i++) {
      single[i].merge(other.single[i]);
    }
    for (int p = 0; p < pairs.length; p++) {
      pairs[p].merge(other.pairs[p]);
    }
  }

  /**
   * An independent copy.
   *
   * @return the copy
   */
  public PairwiseMoments copy() {
    CoMoments[] s = new CoMoments[d];
    CoMoments[] p = new CoMoments[pairs.length];
    for (int i = 0; i < d; i++) {
      s[i] = single[i].copy();
    }
    for (int i = 0; i < pairs.length; i++) {
      p[i] = pairs[i].copy();
    }
    return new PairwiseMoments(d, s, p);
  }

  /** Forgets everything. */
  public void reset() {
    for (CoMoments m : single) {
      m.reset();
    }
    for (CoMoments m : pairs) {
      m.reset();
    }
  }

  /**
   * The moments of the observations that have variable i.
   *
   * @param i the variable
   * @return its accumulator (not a copy: do not change it)
   */
  public CoMoments single(int i) {
    return single[i];
  }

  /**
   * The moments of the observations that have both variables.
   *
   * @param i one variable
   * @param j another, {@code != i}
   * @return their accumulator, variable min(i, j) first (not a copy: do not change it)
   */
  public CoMoments pairOf(int i, int j) {
    return pairs[i < j ? pair(i, j) : pair(j, i)];
  }

  /**
   * Writes every accumulator.
   *
   * @param out the frame
   */
  public void write(FrameWriter out) {
    for (CoMoments m : single) {
      m.write(out);
    }
    for (CoMoments m : pairs) {
      m.write(out);
    }
  }

  /**
   * Reads what {@link #write} wrote, checking each accumulator as {@link CoMoments#read} does
   * and that no pair has more observations than either of its variables.
   *
   * @param in the frame
   * @param min each variable's lowest value
   * @param max each variable's highest value
   * @return the accumulator
   */
  public static PairwiseMoments read(FrameReader in, double[] min, double[] max) {
    int d = min.length;
    CoMoments[] s = new CoMoments[d];
    CoMoments[] p = new CoMoments[d * (d - 1) / 2];
    for (int i = 0; i < d; i++) {
      s[i] = CoMoments.read(in, new double[] {min[i]}, new double[] {max[i]});
    }
    PairwiseMoments m = new PairwiseMoments(d, s, p);
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        CoMoments c = CoMoments.read(in, new double[] {min[i], min[j]},
            new double[] {max[i], max[j]});
        in.check(c.count() <= s[i].count() && c.count() <= s[j].count(),
            "pair " + i + "," + j, c.count() + " observations, more than one of its variables has");
        p[m.pair(i, j)] = c;
      }
    }
    return m;
  }
}
