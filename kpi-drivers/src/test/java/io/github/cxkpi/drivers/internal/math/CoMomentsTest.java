package io.github.cxkpi.drivers.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming update and Chan's merge against a two-pass computation. */
class CoMomentsTest {

  private static void assertTwoPass(List<double[]> rows, List<Double> weights, CoMoments m) {
    int d = m.dimension();
    double w = 0;
    double w2 = 0;
    double[] mean = new double[d];
    for (int r = 0; r < rows.size(); r++) {
      w += weights.get(r);
      w2 += weights.get(r) * weights.get(r);
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < d; i++) {
        mean[i] += weights.get(r) * rows.get(r)[i] / w;
      }
    }
    assertEquals(rows.size(), m.count());
    assertEquals(w, m.weightSum(), 1e-9 * w);
    assertEquals(w2, m.weightSquareSum(), 1e-9 * w2);
    for (int i = 0; i < d; i++) {
      assertEquals(mean[i], m.mean(i), 1e-9, "mean " + i);
      for (int j = 0; j < d; j++) {
        double c = 0;
        for (int r = 0; r < rows.size(); r++) {
          c += weights.get(r) * (rows.get(r)[i] - mean[i]) * (rows.get(r)[j] - mean[j]);
        }
        assertEquals(c, m.coMoment(i, j), 1e-9 * Math.max(1, Math.abs(c)), "C " + i + "," + j);
      }
    }
  }

  @Test
  void streamingAndSplitMergeEqualTwoPass() {
    Seeds.forEach(50, rnd -> {
      int d = 1 + rnd.nextInt(12);
      int n = 1 + rnd.nextInt(400);
      List<double[]> rows = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      CoMoments one = new CoMoments(d);
      int parts = 1 + rnd.nextInt(5);
      List<CoMoments> split = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        split.add(new CoMoments(d));
      }
      for (int r = 0; r < n; r++) {
        double[] x = randomRow(rnd, d);
        double wt = rnd.nextBoolean() ? 1 : rnd.nextDouble(0.1, 5);
        rows.add(x);
        weights.add(wt);
        one.add(wt, x);
        split.get(rnd.nextInt(parts)).add(wt, x);
      }
      assertTwoPass(rows, weights, one);
      CoMoments merged = new CoMoments(d);
      for (CoMoments s : split) {
        merged.merge(s);
      }
      assertTwoPass(rows, weights, merged);
    });
  }

  private static double[] randomRow(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    double common = rnd.nextInt(11);
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextBoolean() ? common : rnd.nextInt(11);
    }
    return x;
  }

  @Test
  void mergingEmptyChangesNothingAndCopiesAreIndependent() {
    CoMoments m = new CoMoments(2);
    m.add(1, new double[] {1, 2});
    m.add(2, new double[] {3, 5});
    CoMoments copy = m.copy();
    m.merge(new CoMoments(2));
    assertTrue(m.sameAs(copy));
    CoMoments e = new CoMoments(2);
    e.merge(m);
    assertTrue(e.sameAs(m));
    m.add(1, new double[] {0, 0});
    assertEquals(2, copy.count());
    m.reset();
    assertEquals(0, m.count());
    assertThrows(IllegalArgumentException.class, () -> m.merge(new CoMoments(3)));
    assertThrows(IllegalArgumentException.class, () -> new CoMoments(0));
  }

  @Test
  void largeOffsetsKeepTheirPrecision() {
    // Σxy - ΣxΣy/n would lose every digit here; Welford and Chan do not.
    CoMoments a = new CoMoments(1);
    CoMoments b = new CoMoments(1);
    for (int i = 0; i < 1000; i++) {
      (i % 2 == 0 ? a : b).add(1, new double[] {1e9 + (i % 3)});
    }
    a.merge(b);
    // values 1e9 + {0,1,2}: 334, 333, 333 of them
    double mean = 1e9 + (333 + 2 * 333) / 1000.0;
    double c = 334 * Math.pow(1e9 - mean, 2) + 333 * Math.pow(1e9 + 1 - mean, 2)
        + 333 * Math.pow(1e9 + 2 - mean, 2);
    assertEquals(c, a.coMoment(0, 0), 1e-5);
  }
}
