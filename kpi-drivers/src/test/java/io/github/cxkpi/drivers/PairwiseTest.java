package io.github.cxkpi.drivers;

import static io.github.cxkpi.drivers.DriverStreams.T0;
import static io.github.cxkpi.drivers.DriverStreams.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.drivers.internal.math.RelativeWeights;
import io.github.cxkpi.drivers.internal.math.SymmetricEigen;
import io.github.cxkpi.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairwise deletion against a brute-force computation over the respondents of each pair. */
class PairwiseTest {
  private static final DriverDefinition THREE = Drivers.outcome("nps", 0, 10)
      .withFactors(1, 5, "helpfulness", "competence", "value")
      .withMissingAnswers(MissingAnswers.PAIRWISE);

  /** Pearson over the rows that have both (NaN = missing). */
  private static double[] pair(List<double[]> rows, int i, int j) {
    double n = 0;
    double mi = 0;
    double mj = 0;
    for (double[] r : rows) {
      if (!Double.isNaN(r[i]) && !Double.isNaN(r[j])) {
        n++;
        mi += r[i];
        mj += r[j];
      }
    }
    mi /= n;
    mj /= n;
    double cij = 0;
    double cii = 0;
    double cjj = 0;
    for (double[] r : rows) {
      if (!Double.isNaN(r[i]) && !Double.isNaN(r[j])) {
        cij += (r[i] - mi) * (r[j] - mj);
        cii += (r[i] - mi) * (r[i] - mi);
        cjj += (r[j] - mj) * (r[j] - mj);
      }
    }
    return new double[] {cij / Math.sqrt(cii * cjj), n};
  }

  @Test
  void figuresEqualABruteForcePairwiseComputation() {
    Seeds.forEach(20, rnd -> {
      String[] q = {"helpfulness", "competence", "value", "nps"};
      List<double[]> rows = new ArrayList<>();
      DriverAggregator a = Drivers.aggregator(THREE);
      int n = 60 + rnd.nextInt(400);
      for (int r = 0; r < n; r++) {
        int h = 1 + rnd.nextInt(5);
        int c = Math.max(1, Math.min(5, h + rnd.nextInt(3) - 1));
        int v = 1 + rnd.nextInt(5);
        int y = Math.max(0, Math.min(10, h + c + rnd.nextInt(5) - 2));
        double[] row = {h, c, v, y};
        boolean seen = false;
        for (int i = 0; i < 4; i++) {
          int mode = rnd.nextInt(10);
          if (mode == 0) {
            row[i] = Double.NaN; // never answered: held until the end
          } else if (mode == 1) {
            row[i] = Double.NaN;
            a.accept(answer("c" + r, "r" + r, T0, q[i], null, 1)); // blank
            seen = true;
          } else {
            a.accept(answer("c" + r, "r" + r, T0, q[i], (int) row[i], 1));
            seen = true;
          }
        }
        if (seen) {
          rows.add(row); // a respondent who sent no answer at all does not exist for anyone
        }
      }
      n = rows.size();
      a.endOfInput();
      DriverResult result = a.result();
      assertEquals(0, result.pending());
      long usable = rows.stream().filter(r -> !(Double.isNaN(r[0]) && Double.isNaN(r[1])
          && Double.isNaN(r[2]) && Double.isNaN(r[3]))).count();
      assertEquals(usable, result.respondents());
      assertEquals(n - usable, result.incomplete());
      for (int i = 0; i < 3; i++) {
        double sum = 0;
        int cnt = 0;
        for (double[] r : rows) {
          if (!Double.isNaN(r[i])) {
            sum += r[i];
            cnt++;
          }
        }
        assertEquals(sum / cnt, result.factors().get(i).mean(), 1e-12, "mean " + i);
      }
      assertEquals(DriverStatus.OK, result.status(), result.toString());
      double[][] rxx = new double[3][3];
      double[] rxy = new double[3];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          rxx[i][j] = i == j ? 1 : pair(rows, i, j)[0];
        }
        rxy[i] = pair(rows, i, 3)[0];
        Importance imp = result.factors().get(i).importance().orElseThrow();
        assertEquals(rxy[i], imp.correlation(), 1e-12, "r " + i);
        double nPair = pair(rows, i, 3)[1];
        double half = 1.959963984540054 / Math.sqrt(nPair - 3);
        double fz = 0.5 * Math.log((1 + rxy[i]) / (1 - rxy[i]));
        assertEquals(Math.tanh(fz - half), imp.correlationInterval().lower(), 1e-9,
            "Fisher z with the pair's n");
      }
      RelativeWeights w = RelativeWeights.of(SymmetricEigen.of(rxx), rxy);
      assertEquals(w.rSquared(), result.rSquared(), 1e-12);
      for (int i = 0; i < 3; i++) {
        assertEquals(w.rawWeights()[i],
            result.factors().get(i).importance().orElseThrow().relativeWeight(), 1e-12);
      }
    });
  }

  @Test
  void withoutMissingAnswersPairwiseEqualsCompleteCases() {
    DriverAggregator pairwise = Drivers.aggregator(THREE);
    DriverAggregator complete = Drivers.aggregator(
        THREE.withMissingAnswers(MissingAnswers.COMPLETE_CASES));
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    for (int r = 0; r < 300; r++) {
      int h = 1 + rnd.nextInt(5);
      int c = Math.max(1, Math.min(5, h + rnd.nextInt(3) - 1));
      int v = 1 + rnd.nextInt(5);
      int y = Math.max(0, Math.min(10, h + c + rnd.nextInt(5) - 2));
      double w = 0.5 + rnd.nextInt(4);
      pairwise.addWeightedRespondent(w, y, h, c, v);
      complete.addWeightedRespondent(w, y, h, c, v);
    }
    DriverResult p = pairwise.result();
    DriverResult c = complete.result();
    DriverAsserts.assertSameResult(c, p, "pairwise vs complete cases");
  }

  @Test
  void pairwiseCorrelationsThatFormNoCorrelationMatrixAreReported() {
    // helpfulness-competence +1 on some respondents, competence-value +1 on others,
    // helpfulness-value -1 on yet others: no data set has these three correlations.
    DriverAggregator a = Drivers.aggregator(THREE);
    int id = 0;
    for (int rep = 0; rep < 10; rep++) {
      for (int s = 1; s <= 5; s++) {
        a.accept(answer("a" + id, null, T0, "helpfulness", s, 1));
        a.accept(answer("a" + id, null, T0, "competence", s, 1));
        a.accept(answer("a" + id, null, T0, "nps", 2 * s, 1));
        id++;
        a.accept(answer("b" + id, null, T0, "competence", s, 1));
        a.accept(answer("b" + id, null, T0, "value", s, 1));
        a.accept(answer("b" + id, null, T0, "nps", 2 * s - rep % 2, 1));
        id++;
        a.accept(answer("c" + id, null, T0, "helpfulness", s, 1));
        a.accept(answer("c" + id, null, T0, "value", 6 - s, 1));
        a.accept(answer("c" + id, null, T0, "nps", s + rep % 3, 1));
        id++;
      }
    }
    a.endOfInput();
    DriverResult r = a.result();
    assertEquals(DriverStatus.COLLINEAR, r.status(), r.toString());
    assertTrue(r.reason().contains("positive definite"), r.reason());
    assertEquals(0, r.rSquared());
  }

  @Test
  void withoutAnOutcomeTheFirstFactorsWeightCountsWhateverTheMergeOrder() {
    for (boolean swap : new boolean[] {false, true}) {
      DriverAggregator a = Drivers.aggregator(THREE);
      DriverAggregator b = Drivers.aggregator(THREE);
      a.accept(answer("c", "r", T0, "value", 2, 3.0));
      b.accept(answer("c", "r", T0, "competence", 4, 2.0)); // competence comes before value
      DriverAggregator merged = swap ? b.merge(a) : a.merge(b);
      DriverAggregator other = Drivers.aggregator(THREE);
      other.addWeightedRespondent(1, 5, 3, 3, 3);
      merged.merge(other);
      merged.endOfInput();
      DriverResult r = merged.result();
      // competence: (4 * 2 + 3 * 1) / 3 with the weight 2 of the competence answer
      assertEquals(11 / 3.0, r.factor("competence").mean(), 1e-12, "swap " + swap);
      assertEquals(2, r.respondents());
    }
  }
}
