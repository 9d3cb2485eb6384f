package io.github.cxkpi.drivers;

import io.github.cxkpi.drivers.internal.math.CoMoments;
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

  static DriverResult of(DriverDefinition def, CoMoments m, long incomplete, long pending,
      long rejected, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
    int k = def.factorCount();
    long n = m.count();
    boolean small = n < def.smallSampleThreshold();
    if (n == 0) {
      return new DriverResult(def.outcome(), DriverStatus.NO_DATA, "no complete respondent", 0, 0,
          Double.NaN, 0, List.of(), incomplete, pending, rejected, small, level);
    }
    double w = m.weightSum();
    double nEff = m.effectiveSize();
    // Reliability weights: s^2 = C / (W - W2 / W), which is C / (n - 1) when unweighted.
    double denominator = w - m.weightSquareSum() / w;
    double[] normalized = new double[k];
    double normalizedMean = 0;
    for (int i = 0; i < k; i++) {
      RatedQuestion q = def.factors().get(i);
      normalized[i] = clamp((m.mean(i) - q.min()) / (q.max() - q.min()), 0, 1);
      normalizedMean += normalized[i] / k;
    }
    int[] performanceRank = ranks(normalized);

    String reason = "";
    DriverStatus status = DriverStatus.OK;
    List<String> constant = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (isConstant(m, i, def.factors().get(i))) {
        constant.add(def.factors().get(i).id());
      }
    }
    if (n <= k + 1L) {
      status = DriverStatus.TOO_FEW_RESPONDENTS;
      reason = n + " complete respondents; " + k + " factors need more than " + (k + 1);
    } else if (isConstant(m, k, def.outcome())) {
      status = DriverStatus.CONSTANT_OUTCOME;
      reason = "every respondent scored '" + def.outcome().id() + "' " + m.mean(k);
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
          rxx[i][j] = i == j ? 1 : correlation(m, i, j);
        }
        rxy[i] = correlation(m, i, k);
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
            + " (smallest eigenvalue of their correlation matrix " + eigen.value(k - 1) + ")";
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
      double sd = denominator > 0 ? Math.sqrt(m.coMoment(i, i) / denominator) : Double.NaN;
      Interval meanInterval = Means.tInterval(m.mean(i), sd, nEff, level);
      Optional<Importance> importance = Optional.empty();
      if (rw != null) {
        double r = rxy[i];
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
      factors.add(new FactorDriver(q, m.mean(i), meanInterval, normalized[i],
          performanceRank[i], importance));
    }
    return new DriverResult(def.outcome(), status, reason, n, nEff, m.mean(k), r2, factors,
        incomplete, pending, rejected, small, level);
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
