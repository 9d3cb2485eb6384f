package io.github.cxkpi.drivers;

import io.github.cxkpi.drivers.internal.math.CoMoments;
import io.github.cxkpi.drivers.internal.math.PairwiseMoments;
import io.github.cxkpi.drivers.internal.math.RelativeWeights;
import io.github.cxkpi.drivers.internal.math.SymmetricEigen;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Means;
import io.github.cxkpi.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the moments into a {@link DriverResult}. */
final class Analysis {
  private Analysis() {}

  /** A variance below this share of its scale's squared range counts as none. */
  private static final double CONSTANT_TOLERANCE = 1e-12;

  /** What the analysis reads, from complete cases or pairwise. */
  private interface Source {
    /** Respondents in the analysis. */
    long n();

    /** The smallest number of respondents behind any correlation. */
    long minPairCount();

    /** Kish's effective size reported for the analysis. */
    double effectiveSize();

    /**
     * The moments holding variable i: with complete cases the one accumulator of all variables
     * (read at index i), pairwise a 1-variable accumulator (read at index 0).
     */
    CoMoments single(int i);

    /** The correlation of variables i &lt; j over the respondents who answered both. */
    double correlation(int i, int j);

    /** The effective size behind the correlation of i and j. */
    double pairEffectiveSize(int i, int j);

    /** Whether variable i is constant (over all its respondents, or within a pair). */
    boolean constant(int i, RatedQuestion q);
  }

  static DriverResult of(DriverDefinition def, CoMoments m, long incomplete, long pending,
      long rejected, double level) {
    Source s = new Source() {
      @Override
      public long n() {
        return m.count();
      }

      @Override
      public long minPairCount() {
        return m.count();
      }

      @Override
      public double effectiveSize() {
        return m.effectiveSize();
      }

      @Override
      public CoMoments single(int i) {
        return m;
      }

      @Override
      public double correlation(int i, int j) {
        return Analysis.correlation(m, i, j);
      }

      @Override
      public double pairEffectiveSize(int i, int j) {
        return m.effectiveSize();
      }

      @Override
      public boolean constant(int i, RatedQuestion q) {
        return isConstant(m, i, q);
      }
    };
    return analyse(def, s, false, incomplete, pending, rejected, level);
  }

  static DriverResult pairwise(DriverDefinition def, PairwiseMoments m, long contributors,
      long incomplete, long pending, long rejected, double level) {
    int d = def.factorCount() + 1;
    long minPair = Long.MAX_VALUE;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        minPair = Math.min(minPair, m.pairOf(i, j).count());
      }
    }
    long min = minPair;
    Source s = new Source() {
      @Override
      public long n() {
        return contributors;
      }

      @Override
      public long minPairCount() {
        return min;
      }

      @Override
      public double effectiveSize() {
        return m.single(d - 1).effectiveSize();
      }

      @Override
      public CoMoments single(int i) {
        return m.single(i);
      }

      @Override
      public double correlation(int i, int j) {
        return Analysis.correlation(m.pairOf(i, j), 0, 1);
      }

      @Override
      public double pairEffectiveSize(int i, int j) {
        return m.pairOf(i, j).effectiveSize();
      }

      @Override
      public boolean constant(int i, RatedQuestion q) {
        if (isConstant(m.single(i), 0, q)) {
          return true;
        }
        for (int j = 0; j < d; j++) {
          if (j != i && isConstant(m.pairOf(i, j), i < j ? 0 : 1, q)) {
            return true;
          }
        }
        return false;
      }
    };
    return analyse(def, s, true, incomplete, pending, rejected, level);
  }

  private static DriverResult analyse(DriverDefinition def, Source m, boolean pairwise,
      long incomplete, long pending, long rejected, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
    int k = def.factorCount();
    long n = m.n();
    boolean small = n < def.smallSampleThreshold();
    boolean anyMean = true;
    for (int i = 0; i <= k; i++) {
      anyMean &= m.single(i).count() > 0;
    }
    if (n == 0 || !anyMean) {
      return new DriverResult(def.outcome(), DriverStatus.NO_DATA, n == 0
          ? "no complete respondent" : "a question has no answer", n, 0, Double.NaN, 0,
          List.of(), incomplete, pending, rejected, small, level);
    }
    int mi = pairwise ? 0 : -1; // with pairwise moments each variable has its own accumulator
    double[] normalized = new double[k];
    double[] means = new double[k + 1];
    double normalizedMean = 0;
    for (int i = 0; i <= k; i++) {
      means[i] = m.single(i).mean(mi < 0 ? i : 0);
    }
    for (int i = 0; i < k; i++) {
      RatedQuestion q = def.factors().get(i);
      normalized[i] = clamp((means[i] - q.min()) / (q.max() - q.min()), 0, 1);
      normalizedMean += normalized[i] / k;
    }
    int[] performanceRank = ranks(normalized);

    String reason = "";
    DriverStatus status = DriverStatus.OK;
    List<String> constant = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (m.constant(i, def.factors().get(i))) {
        constant.add(def.factors().get(i).id());
      }
    }
    long pairs = m.minPairCount();
    if (pairs <= k + 1L) {
      status = DriverStatus.TOO_FEW_RESPONDENTS;
      reason = pairwise
          ? "a correlation rests on " + pairs + " respondents; " + k + " factors need more than "
              + (k + 1)
          : pairs + " complete respondents; " + k + " factors need more than " + (k + 1);
    } else if (m.constant(k, def.outcome())) {
      status = DriverStatus.CONSTANT_OUTCOME;
      reason = "every respondent scored '" + def.outcome().id() + "' " + means[k];
    } else if (!constant.isEmpty()) {
      status = DriverStatus.CONSTANT_FACTOR;
      reason = "constant factor" + (constant.size() > 1 ? "s " : " ") + String.join(", ", constant);
    }
    double[][] rxx = new double[k][k];
    double[] rxy = new double[k];
    @Nullable SymmetricEigen eigen = null;
    if (status == DriverStatus.OK) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          rxx[i][j] = i == j ? 1 : m.correlation(Math.min(i, j), Math.max(i, j));
        }
        rxy[i] = m.correlation(i, k);
      }
      eigen = SymmetricEigen.of(rxx);
      if (eigen.value(k - 1) < DriverResult.COLLINEARITY_TOLERANCE) {
        status = DriverStatus.COLLINEAR;
        List<String> involved = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          if (Math.abs(eigen.vector(i, k - 1)) > 0.1) {
            involved.add(def.factors().get(i).id());
          }
        }
        reason = "collinear factors " + String.join(", ", involved)
            + " (smallest eigenvalue of their correlation matrix " + eigen.value(k - 1)
            + (pairwise ? "; pairwise correlations need not form a positive definite matrix"
                : "") + ")";
      }
    }
    @Nullable RelativeWeights rw = null;
    if (status == DriverStatus.OK && eigen != null) {
      rw = RelativeWeights.of(eigen, rxy);
    }
    double r2 = rw == null ? 0 : rw.rSquared();
    double[] raw = rw == null ? new double[k] : rw.rawWeights();
    double[] betas = rw == null ? new double[k] : rw.betas();
    int[] importanceRank = ranks(raw);
    double z = Normal.critical(level);
    List<FactorDriver> factors = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      RatedQuestion q = def.factors().get(i);
      CoMoments one = m.single(i);
      int at = mi < 0 ? i : 0;
      // Reliability weights: s^2 = C / (W - W2 / W), which is C / (n - 1) when unweighted.
      double denominator = one.weightSum() - one.weightSquareSum() / one.weightSum();
      double sd = denominator > 0 ? Math.sqrt(one.coMoment(at, at) / denominator) : Double.NaN;
      Interval meanInterval = Means.tInterval(means[i], sd, one.effectiveSize(), level);
      Optional<Importance> importance = Optional.empty();
      if (rw != null) {
        double r = rxy[i];
        double nEff = m.pairEffectiveSize(i, k);
        Interval ci = Interval.UNDEFINED;
        if (nEff > 3) {
          double fz = atanh(clamp(r, -1, 1));
          double half = z / Math.sqrt(nEff - 3);
          ci = new Interval(Math.tanh(fz - half), Math.tanh(fz + half));
        }
        double share = r2 > 0 ? raw[i] / r2 : 0;
        boolean important = raw[i] >= r2 / k;
        boolean performing = normalized[i] >= normalizedMean;
        importance = Optional.of(new Importance(r, ci, betas[i], raw[i], share,
            importanceRank[i], Quadrant.of(important, performing)));
      }
      factors.add(new FactorDriver(q, means[i], meanInterval, normalized[i],
          performanceRank[i], importance));
    }
    return new DriverResult(def.outcome(), status, reason, n, m.effectiveSize(), means[k], r2,
        factors, incomplete, pending, rejected, small, level);
  }

  private static boolean isConstant(CoMoments m, int i, RatedQuestion q) {
    double range = q.max() - (double) q.min();
    return m.coMoment(i, i) <= CONSTANT_TOLERANCE * range * range * m.weightSum();
  }

  private static double correlation(CoMoments m, int i, int j) {
    return clamp(m.coMoment(i, j) / Math.sqrt(m.coMoment(i, i) * m.coMoment(j, j)), -1, 1);
  }

  private static double atanh(double r) {
    return 0.5 * Math.log((1 + r) / (1 - r));
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /** Ranks, 1 for the largest; ties take the lower index first. */
  private static int[] ranks(double[] values) {
    int[] rank = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      int r = 1;
      for (int j = 0; j < values.length; j++) {
        if (values[j] > values[i] || (values[j] == values[i] && j < i)) {
          r++;
        }
      }
      rank[i] = r;
    }
    return rank;
  }
}
