package io.github.cxkpi.drivers.internal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cxkpi.drivers.References;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Johnson's relative weights from two-pass correlations against numpy's (References). */
class RelativeWeightsTest {

  private static void check(List<double[]> rows, double[] corr, double[] raw, double[] betas,
      double r2) {
    int k = rows.get(0).length - 1;
    int n = rows.size();
    double[] mean = new double[k + 1];
    for (double[] r : rows) {
      for (int i = 0; i <= k; i++) {
        mean[i] += r[i] / n;
      }
    }
    double[][] c = new double[k + 1][k + 1];
    for (double[] r : rows) {
      for (int i = 0; i <= k; i++) {
        for (int j = 0; j <= k; j++) {
          c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]);
        }
      }
    }
    double[][] rxx = new double[k][k];
    double[] rxy = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        rxx[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
      }
      rxy[i] = c[i][k] / Math.sqrt(c[i][i] * c[k][k]);
    }
    assertArrayEquals(corr, rxy, 1e-12);
    RelativeWeights w = RelativeWeights.of(SymmetricEigen.of(rxx), rxy);
    assertArrayEquals(raw, w.rawWeights(), 1e-9);
    assertArrayEquals(betas, w.betas(), 1e-9);
    assertEquals(r2, w.rSquared(), 1e-9);
    double sum = 0;
    for (double x : w.rawWeights()) {
      sum += x;
    }
    assertEquals(w.rSquared(), sum, 1e-12, "the raw weights sum to R^2");
  }

  @Test
  void botanicSurveyMatchesNumpy() {
    check(References.botanicCompleteRows(), References.BOTANIC_CORRELATIONS,
        References.BOTANIC_RAW_WEIGHTS, References.BOTANIC_BETAS, References.BOTANIC_R_SQUARED);
  }

  @Test
  void syntheticK8MatchesNumpy() {
    check(References.syntheticRows(), References.SYNTHETIC_CORRELATIONS,
        References.SYNTHETIC_RAW_WEIGHTS, References.SYNTHETIC_BETAS,
        References.SYNTHETIC_R_SQUARED);
  }

  @Test
  void orthogonalPredictorsWeighTheirSquaredCorrelations() {
    double[] rxy = {0.5, 0.3};
    RelativeWeights w = RelativeWeights.of(
        SymmetricEigen.of(new double[][] {{1, 0}, {0, 1}}), rxy);
    assertArrayEquals(new double[] {0.25, 0.09}, w.rawWeights(), 1e-15);
    assertEquals(0.34, w.rSquared(), 1e-15);
  }

  @Test
  void aSingularMatrixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RelativeWeights.of(
        SymmetricEigen.of(new double[][] {{1, 1}, {1, 1}}), new double[] {0.5, 0.5}));
  }
}
