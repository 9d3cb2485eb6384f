package io.github.cxkpi.drivers.internal.math;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import java.util.Arrays;

/**
 * The weighted count, means and co-moments of d variables: {@code n}, {@code W = Σw},
 * {@code W2 = Σw^2}, {@code mean_i = Σ w x_i / W} and
 * {@code C_ij = Σ w (x_i - mean_i)(x_j - mean_j)} (the upper triangle, i &lt;= j).
 *
 * <p>One observation updates it in O(d^2) by West's (1979) weighted form of Welford's update:
 * with {@code W' = W + w} and {@code δ = x - mean}, {@code mean += δ w / W'} and
 * {@code C_ij += w (W / W') δ_i δ_j}. Two of them merge by Chan, Golub and LeVeque's (1979)
 * pairwise formulas: with {@code Δ = mean_b - mean_a}, {@code W = W_a + W_b},
 * {@code mean = mean_a + Δ W_b / W} and {@code C_ij = C_a,ij + C_b,ij + Δ_i Δ_j W_a W_b / W};
 * never the cancellation-prone {@code Σxy - ΣxΣy/W}. Mutable, not thread-safe.
 */
public final class CoMoments {
  private final int d;
  private long n;
  private double w;
  private double w2;
  private final double[] mean;
  private final double[] c; // d x d, row-major, only i <= j used
  private final double[] delta;

  /**
   * An empty accumulator.
   *
   * @param d the number of variables, 1 to 64
   */
  public CoMoments(int d) {
    if (d < 1 || d > SymmetricEigen.MAX_DIMENSION) {
      throw new IllegalArgumentException("need 1 to " + SymmetricEigen.MAX_DIMENSION
          + " variables, had " + d);
    }
    this.d = d;
    this.mean = new double[d];
    this.c = new double[d * d];
    this.delta = new double[d];
  }

  /**
   * Adds one observation.
   *
   * @param weight its weight, finite and positive (not checked here)
   * @param x its d values
   */
  public void add(double weight, double[] x) {
    double wNew = w + weight;
    double f = weight / wNew;
    double g = weight * (w / wNew);
    for (int i = 0; i < d; i++) {
      double di = x[i] - mean[i];
      delta[i] = di;
      mean[i] += di * f;
    }
    for (int i = 0; i < d; i++) {
      double gi = g * delta[i];
      int row = i * d;
      for (int j = i; j < d; j++) {
        c[row + j] += gi * delta[j];
      }
    }
    w = wNew;
    w2 += weight * weight;
    n++;
  }

  /**
   * Adds another accumulator of the same dimension (Chan et al.); the other is unchanged.
   *
   * @param other the other
   * @throws ArithmeticException when the count would overflow (nothing is changed then)
   */
  public void merge(CoMoments other) {
    if (other.d != d) {
      throw new IllegalArgumentException("dimensions differ: " + d + " and " + other.d);
    }
    if (other.n == 0) {
      return;
    }
    long total = Math.addExact(n, other.n);
    if (n == 0) {
      copyFrom(other);
      return;
    }
    double wTotal = w + other.w;
    double f = other.w / wTotal;
    double g = w * (other.w / wTotal);
    for (int i = 0; i < d; i++) {
      delta[i] = other.mean[i] - mean[i];
    }
    for (int i = 0; i < d; i++) {
      double gi = g * delta[i];
      int row = i * d;
      for (int j = i; j < d; j++) {
        c[row + j] += other.c[row + j] + gi * delta[j];
      }
      mean[i] += delta[i] * f;
    }
    w = wTotal;
    w2 += other.w2;
    n = total;
  }

  private void copyFrom(CoMoments other) {
    n = other.n;
    w = other.w;
    w2 = other.w2;
    System.arraycopy(other.mean, 0, mean, 0, d);
    System.arraycopy(other.c, 0, c, 0, d * d);
  }

  /**
   * An independent copy.
   *
   * @return the copy
   */
  public CoMoments copy() {
    CoMoments m = new CoMoments(d);
    m.copyFrom(this);
    return m;
  }

  /** Forgets everything. */
  public void reset() {
    n = 0;
    w = 0;
    w2 = 0;
    Arrays.fill(mean, 0);
    Arrays.fill(c, 0);
  }

  /**
   * The number of variables.
   *
   * @return d
   */
  public int dimension() {
    return d;
  }

  /**
   * The number of observations.
   *
   * @return n
   */
  public long count() {
    return n;
  }

  /**
   * The sum of the weights.
   *
   * @return W
   */
  public double weightSum() {
    return w;
  }

  /**
   * The sum of the squared weights.
   *
   * @return W2
   */
  public double weightSquareSum() {
    return w2;
  }

  /**
   * Kish's effective sample size {@code W^2 / W2} (n when unweighted).
   *
   * @return the size, 0 when empty
   */
  public double effectiveSize() {
    return n == 0 ? 0 : w * w / w2;
  }

  /**
   * A weighted mean.
   *
   * @param i the variable
   * @return its mean (0 when empty)
   */
  public double mean(int i) {
    return mean[i];
  }

  /**
   * A co-moment.
   *
   * @param i one variable
   * @param j the other
   * @return {@code C_ij}
   */
  public double coMoment(int i, int j) {
    return i <= j ? c[i * d + j] : c[j * d + i];
  }

  /**
   * Writes n, and when n &gt; 0: W, W2, the means and the upper triangle row by row.
   *
   * @param out the frame
   */
  public void write(FrameWriter out) {
    out.putVarLong(n);
    if (n == 0) {
      return;
    }
    out.putDouble(w).putDouble(w2);
    for (double m : mean) {
      out.putDouble(m);
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        out.putDouble(c[i * d + j]);
      }
    }
  }

  /**
   * Reads what {@link #write} wrote, checking every value: W and W2 finite and positive and
   * consistent with n ({@code W^2/n <= W2 <= W^2}, to rounding), each mean inside its variable's
   * bounds, the diagonal co-moments at least 0 and at most {@code W (max - min)^2 / 4}, each
   * off-diagonal one within Cauchy-Schwarz's bound.
   *
   * @param in the frame
   * @param min each variable's lowest value
   * @param max each variable's highest value
   * @return the accumulator
   * @throws io.github.cxkpi.codec.CodecException when a value is out of its bounds
   */
  public static CoMoments read(FrameReader in, double[] min, double[] max) {
    int d = min.length;
    long n = in.getVarLong("respondents");
    CoMoments m = new CoMoments(d);
    if (n == 0) {
      return m;
    }
    in.requireRemaining(8L * (2 + d + (long) d * (d + 1) / 2), "moments");
    double w = in.getFiniteNonNegative("weight sum");
    double w2 = in.getFiniteNonNegative("weight square sum");
    double slack = 1e-9;
    in.check(w > 0 && w2 > 0, "weight sum", "must be positive with " + n + " respondents");
    in.check(w2 <= w * w * (1 + slack) && w * w <= w2 * n * (1 + slack), "weight square sum",
        w2 + " is inconsistent with the weight sum " + w + " of " + n + " respondents");
    for (int i = 0; i < d; i++) {
      double v = in.getFinite("mean " + i);
      double pad = slack * (max[i] - min[i]);
      in.check(v >= min[i] - pad && v <= max[i] + pad, "mean " + i,
          v + " outside " + min[i] + ".." + max[i]);
      m.mean[i] = v;
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double v = in.getFinite("co-moment " + i + "," + j);
        if (i == j) {
          double range = max[i] - min[i];
          in.check(v >= 0 && v <= w * range * range / 4 * (1 + slack), "co-moment " + i + "," + i,
              v + " outside 0.." + w * range * range / 4);
        }
        m.c[i * d + j] = v;
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double v = m.c[i * d + j];
        double bound = Math.sqrt(m.c[i * d + i] * m.c[j * d + j]) * (1 + slack) + 1e-300;
        in.check(Math.abs(v) <= bound, "co-moment " + i + "," + j,
            v + " beyond the Cauchy-Schwarz bound " + bound);
      }
    }
    m.n = n;
    m.w = w;
    m.w2 = w2;
    return m;
  }

  /**
   * Whether two accumulators hold the same numbers (bit for bit).
   *
   * @param other the other
   * @return {@code true} when identical
   */
  public boolean sameAs(CoMoments other) {
    return d == other.d && n == other.n && Double.compare(w, other.w) == 0
        && Double.compare(w2, other.w2) == 0 && Arrays.equals(mean, other.mean)
        && Arrays.equals(c, other.c);
  }
}
