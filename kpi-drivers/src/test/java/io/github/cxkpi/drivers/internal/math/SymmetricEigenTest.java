package io.github.cxkpi.drivers.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void twoByTwoHasItsKnownEigenvalues() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertEquals(3, e.value(0), 1e-15);
    assertEquals(1, e.value(1), 1e-15);
    assertEquals(Math.abs(e.vector(0, 0)), Math.sqrt(0.5), 1e-15);
  }

  @Test
  void diagonalAndZeroMatricesNeedNoRotation() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, -2}});
    assertEquals(5, e.value(0));
    assertEquals(1, e.value(1));
    assertEquals(-2, e.value(2));
    SymmetricEigen z = SymmetricEigen.of(new double[][] {{0, 0}, {0, 0}});
    assertEquals(0, z.value(0));
  }

  @Test
  void randomSymmetricMatricesAreReconstructed() {
    Seeds.forEach(40, rnd -> {
      int n = 1 + rnd.nextInt(50);
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double x = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(-3, 3);
          a[i][j] = x;
          a[j][i] = x;
        }
      }
      if (rnd.nextBoolean() && n > 2) { // repeated eigenvalues and a rank deficiency
        for (int j = 0; j < n; j++) {
          a[n - 1][j] = a[0][j];
          a[j][n - 1] = a[j][0];
        }
        a[n - 1][n - 1] = a[0][0];
      }
      SymmetricEigen e = SymmetricEigen.of(a);
      double[][] back = e.apply(e.values());
      double scale = 0;
      for (double[] row : a) {
        for (double x : row) {
          scale = Math.max(scale, Math.abs(x));
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(a[i][j], back[i][j], 1e-12 * n * Math.max(1, scale), "A[" + i + "][" + j + "]");
          double dot = 0;
          for (int r = 0; r < n; r++) {
            dot += e.vector(r, i) * e.vector(r, j);
          }
          assertEquals(i == j ? 1 : 0, dot, 1e-12 * n, "V^T V");
        }
        if (i > 0) {
          assertTrue(e.value(i - 1) >= e.value(i), "descending");
        }
      }
    });
  }

  @Test
  void badMatricesAreRefusedWithTheRule() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 1}})).getMessage().contains("symmetric"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.of(new double[][] {{1, 2}})).getMessage().contains("square"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.of(new double[][] {{Double.NaN}})).getMessage().contains("finite"));
    assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[0][]));
  }
}
