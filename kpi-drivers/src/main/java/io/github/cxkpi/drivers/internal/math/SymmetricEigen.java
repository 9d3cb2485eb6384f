package io.github.cxkpi.drivers.internal.math;

import java.util.Arrays;
import java.util.Objects;

/**
 * The eigen-decomposition {@code A = V diag(values) V^T} of a small real symmetric matrix by
 * the cyclic Jacobi method (Golub and Van Loan, Matrix Computations, section 8.5; the rotation
 * as in Numerical Recipes' {@code jacobi}): each sweep zeroes every off-diagonal element once
 * with a plane rotation, until the off-diagonal part is negligible. O(k^3) per sweep, and a
 * handful of sweeps (quadratic convergence) for the k of a driver analysis (at most
 * {@link #MAX_DIMENSION}). Eigenvalues are sorted in descending order, the eigenvectors are the
 * matching columns of an orthogonal {@code V}. Immutable.
 *
 * <p>Why here and not a library: the library modules may depend only on core, and this is all
 * the linear algebra a driver analysis needs (a correlation matrix of at most 50 factors).
 */
public final class SymmetricEigen {
  /** The largest dimension accepted. */
  public static final int MAX_DIMENSION = 64;

  private static final int MAX_SWEEPS = 100;

  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /**
   * Decomposes a symmetric matrix.
   *
   * @param matrix a square, symmetric matrix of finite values (symmetric to a relative 1e-12),
   *     1 to {@link #MAX_DIMENSION} rows; it is not changed
   * @return the decomposition
   * @throws IllegalArgumentException when the matrix is not square, not symmetric, not finite
   *     or too large
   */
  public static SymmetricEigen of(double[][] matrix) {
    Objects.requireNonNull(matrix, "matrix is null");
    int n = matrix.length;
    if (n < 1 || n > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "matrix must have 1 to " + MAX_DIMENSION + " rows, had " + n);
    }
    double[][] a = new double[n][];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException(
            "matrix must be square: row " + i + " has " + matrix[i].length + " columns, not " + n);
      }
      a[i] = matrix[i].clone();
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException(
              "matrix element [" + i + "][" + j + "] must be finite, was " + a[i][j]);
        }
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * scale) {
          throw new IllegalArgumentException("matrix must be symmetric: [" + i + "][" + j + "] = "
              + a[i][j] + " but [" + j + "][" + i + "] = " + a[j][i]);
        }
        double mean = 0.5 * (a[i][j] + a[j][i]);
        a[i][j] = mean;
        a[j][i] = mean;
      }
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    double frobenius = 0;
    for (double[] row : a) {
      for (double x : row) {
        frobenius += x * x;
      }
    }
    double threshold = frobenius * 1e-32; // (1e-16 · ||A||_F)^2: below rounding
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= threshold || off == 0) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
    double[] sortedValues = new double[n];
    double[][] sortedVectors = new double[n][n];
    for (int c = 0; c < n; c++) {
      sortedValues[c] = values[order[c]];
      for (int r = 0; r < n; r++) {
        sortedVectors[r][c] = v[r][order[c]];
      }
    }
    return new SymmetricEigen(sortedValues, sortedVectors);
  }

  /** Zeroes a[p][q] (and a[q][p]) by the rotation A' = J^T A J, V' = V J. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    int n = a.length;
    double apq = a[p][q];
    double theta = (a[q][q] - a[p][p]) / (2 * apq);
    double t;
    if (Math.abs(theta) > 1e150) {
      t = 0.5 / theta; // theta^2 would overflow
    } else {
      t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      if (theta == 0) {
        t = 1;
      }
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    a[p][q] = 0;
    a[q][p] = 0;
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  /**
   * The dimension.
   *
   * @return the number of rows
   */
  public int dimension() {
    return values.length;
  }

  /**
   * The eigenvalues, largest first.
   *
   * @return a copy
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * One eigenvalue.
   *
   * @param i its index, 0 for the largest
   * @return the value
   */
  public double value(int i) {
    return values[i];
  }

  /**
   * One component of an eigenvector.
   *
   * @param row the component
   * @param column the eigenvector (the index of its eigenvalue)
   * @return {@code V[row][column]}
   */
  public double vector(int row, int column) {
    return vectors[row][column];
  }

  /**
   * The matrix {@code V diag(f(values)) V^T} for a function of the eigenvalues given as their
   * images (a matrix function: the inverse, the square root ...).
   *
   * @param images {@code f(values[i])} for each i
   * @return the symmetric matrix
   */
  public double[][] apply(double[] images) {
    int n = values.length;
    if (images.length != n) {
      throw new IllegalArgumentException("need " + n + " images, had " + images.length);
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double s = 0;
        for (int c = 0; c < n; c++) {
          s += vectors[i][c] * images[c] * vectors[j][c];
        }
        out[i][j] = s;
        out[j][i] = s;
      }
    }
    return out;
  }
}
