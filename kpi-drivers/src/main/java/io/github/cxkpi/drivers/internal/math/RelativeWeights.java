package io.github.cxkpi.drivers.internal.math;

/**
 * Johnson's (2000) relative weights of k predictors, from their correlation matrix
 * {@code Rxx} and their correlations {@code rxy} with the outcome. With
 * {@code Rxx = V diag(λ) V^T}:
 * <ul>
 *   <li>{@code Λ = V diag(sqrt λ) V^T}: the correlations of the predictors with their closest
 *       orthogonal counterparts Z;
 *   <li>{@code β* = V diag(1/sqrt λ) V^T rxy}: the outcome's regression weights on Z;
 *   <li>the raw relative weight of predictor j: {@code ε_j = Σ_m Λ[j][m]^2 β*_m^2};
 *       {@code Σ ε_j = R^2};
 *   <li>the standardized regression weights {@code β = V diag(1/λ) V^T rxy} and
 *       {@code R^2 = β·rxy}.
 * </ul>
 * Johnson, J. W. (2000), "A heuristic method for estimating the relative weight of predictor
 * variables in multiple regression", Multivariate Behavioral Research 35(1), 1-19.
 *
 * @param rawWeights the raw relative weights ε_j (they sum to R^2)
 * @param betas the standardized regression weights
 * @param rSquared the squared multiple correlation, {@code β·rxy}
 */
public record RelativeWeights(double[] rawWeights, double[] betas, double rSquared) {
  /**
   * Copies the arrays.
   *
   * @param rawWeights the raw relative weights ε_j (they sum to R^2)
   * @param betas the standardized regression weights
   * @param rSquared the squared multiple correlation, {@code β·rxy}
   */
  public RelativeWeights {
    rawWeights = rawWeights.clone();
    betas = betas.clone();
  }

  /**
   * Computes the weights.
   *
   * @param eigen the decomposition of the predictors' correlation matrix, whose eigenvalues
   *     must all be positive (not collinear)
   * @param rxy the predictors' correlations with the outcome
   * @return the weights
   * @throws IllegalArgumentException when an eigenvalue is not positive or the sizes differ
   */
  public static RelativeWeights of(SymmetricEigen eigen, double[] rxy) {
    int k = eigen.dimension();
    if (rxy.length != k) {
      throw new IllegalArgumentException(
          "rxy has " + rxy.length + " elements, the correlation matrix " + k + " rows");
    }
    double[] sqrt = new double[k];
    double[] invSqrt = new double[k];
    double[] inv = new double[k];
    for (int i = 0; i < k; i++) {
      double l = eigen.value(i);
      if (!(l > 0)) {
        throw new IllegalArgumentException(
            "the correlation matrix is singular: eigenvalue " + i + " is " + l);
      }
      sqrt[i] = Math.sqrt(l);
      invSqrt[i] = 1 / sqrt[i];
      inv[i] = 1 / l;
    }
    double[][] lambda = eigen.apply(sqrt);
    double[] betaStar = times(eigen.apply(invSqrt), rxy);
    double[] betas = times(eigen.apply(inv), rxy);
    double[] raw = new double[k];
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int m = 0; m < k; m++) {
        s += lambda[j][m] * lambda[j][m] * betaStar[m] * betaStar[m];
      }
      raw[j] = s;
    }
    double r2 = 0;
    for (int j = 0; j < k; j++) {
      r2 += betas[j] * rxy[j];
    }
    return new RelativeWeights(raw, betas, r2);
  }

  private static double[] times(double[][] m, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += m[i][j] * x[j];
      }
      out[i] = s;
    }
    return out;
  }

  @Override
  public double[] rawWeights() {
    return rawWeights.clone();
  }

  @Override
  public double[] betas() {
    return betas.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelativeWeights w && java.util.Arrays.equals(rawWeights, w.rawWeights)
        && java.util.Arrays.equals(betas, w.betas)
        && Double.compare(rSquared, w.rSquared) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(rawWeights) * 31 + java.util.Arrays.hashCode(betas);
  }

  @Override
  public String toString() {
    return "RelativeWeights" + java.util.Arrays.toString(rawWeights) + " R2=" + rSquared;
  }
}
