package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (answers, respondents, moments, relative weights) against numpy's values
 * in {@link References} (provenance there), to 1e-9.
 */
class DriverReferenceTest {

  private static void check(DriverResult r, double[] corr, double[] raw, double[] betas,
      double r2, double[] means, int n) {
    assertEquals(DriverStatus.OK, r.status(), r.toString());
    assertEquals(n, r.respondents());
    assertEquals(r2, r.rSquared(), 1e-9, "R^2");
    assertEquals(means[means.length - 1], r.outcomeMean(), 1e-9, "outcome mean");
    double shares = 0;
    double weights = 0;
    for (int i = 0; i < corr.length; i++) {
      FactorDriver f = r.factors().get(i);
      Importance imp = f.importance().orElseThrow();
      assertEquals(corr[i], imp.correlation(), 1e-9, "r of " + f.id());
      assertEquals(raw[i], imp.relativeWeight(), 1e-9, "relative weight of " + f.id());
      assertEquals(betas[i], imp.beta(), 1e-9, "beta of " + f.id());
      assertEquals(means[i], f.mean(), 1e-9, "mean of " + f.id());
      assertTrue(imp.correlationInterval().contains(imp.correlation()));
      assertTrue(f.meanInterval().contains(f.mean()));
      shares += imp.share();
      weights += imp.relativeWeight();
    }
    assertEquals(1, shares, 1e-12, "shares of R^2");
    assertEquals(r.rSquared(), weights, 1e-12, "relative weights sum to R^2");
  }

  @Test
  void botanicSurveyAnswerByAnswerMatchesNumpy() {
    DriverAggregator a = Drivers.aggregator(Drivers.outcome("nps", 1, 10)
        .withFactors(1, 10, "satisfaction", "intention"));
    Instant t = Instant.parse("2019-03-25T12:00:00Z");
    String[] q = {"nps", "satisfaction", "intention"};
    for (String[] row : References.botanicRows()) {
      for (int i = 0; i < 3; i++) {
        SurveyResponse.Builder b = SurveyResponse.builder("botanic-" + row[0], t)
            .question(q[i]).attribute("response_id", row[0]);
        if (!row[i + 1].equals("NA")) {
          b.score(Integer.parseInt(row[i + 1]));
        }
        a.accept(b.build());
      }
    }
    DriverResult r = a.result();
    check(r, References.BOTANIC_CORRELATIONS, References.BOTANIC_RAW_WEIGHTS,
        References.BOTANIC_BETAS, References.BOTANIC_R_SQUARED, References.BOTANIC_MEANS,
        References.botanicCompleteRows().size());
    assertEquals(References.botanicRows().size() - r.respondents(), r.incomplete(),
        "respondents with an NA are counted incomplete");
    assertEquals(0, r.pending());
    // intention drives more and performs better: keep up the good work
    assertEquals(1, r.factor("intention").importance().orElseThrow().rank());
    assertEquals(Quadrant.KEEP_UP_THE_GOOD_WORK,
        r.factor("intention").importance().orElseThrow().quadrant());
    assertEquals(Quadrant.LOW_PRIORITY,
        r.factor("satisfaction").importance().orElseThrow().quadrant());
  }

  @Test
  void syntheticK8MatchesNumpy() {
    DriverAggregator a = Drivers.aggregator(Drivers.definition());
    List<double[]> rows = References.syntheticRows();
    for (double[] x : rows) {
      int[] f = new int[8];
      for (int i = 0; i < 8; i++) {
        f[i] = (int) x[i];
      }
      a.addRespondent((int) x[8], f);
    }
    check(a.result(), References.SYNTHETIC_CORRELATIONS, References.SYNTHETIC_RAW_WEIGHTS,
        References.SYNTHETIC_BETAS, References.SYNTHETIC_R_SQUARED, References.SYNTHETIC_MEANS,
        rows.size());
    assertEquals(References.FACTORS, Drivers.COMMON_FACTORS);
  }
}
