package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.stats.Interval;

/** Results equal up to floating-point rounding (counts, statuses and ranks exactly). */
final class DriverAsserts {
  private DriverAsserts() {}

  static void close(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
      return;
    }
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  static void close(Interval expected, Interval actual, String what) {
    close(expected.lower(), actual.lower(), what + " lower");
    close(expected.upper(), actual.upper(), what + " upper");
  }

  static void assertSameResult(DriverResult e, DriverResult a, String context) {
    assertEquals(e.status(), a.status(), context + ": status of " + e + " vs " + a);
    if (e.status() != DriverStatus.COLLINEAR) {
      assertEquals(e.reason(), a.reason(), context);
    }
    assertEquals(e.outcome(), a.outcome(), context);
    assertEquals(e.respondents(), a.respondents(), context + ": respondents");
    assertEquals(e.incomplete(), a.incomplete(), context + ": incomplete");
    assertEquals(e.pending(), a.pending(), context + ": pending");
    assertEquals(e.rejected(), a.rejected(), context + ": rejected");
    assertEquals(e.smallSample(), a.smallSample(), context);
    close(e.effectiveSize(), a.effectiveSize(), context + ": n_eff");
    close(e.outcomeMean(), a.outcomeMean(), context + ": outcome mean");
    close(e.rSquared(), a.rSquared(), context + ": R^2");
    assertEquals(e.factors().size(), a.factors().size(), context);
    for (int i = 0; i < e.factors().size(); i++) {
      FactorDriver x = e.factors().get(i);
      FactorDriver y = a.factors().get(i);
      String f = context + ": factor " + x.id();
      assertEquals(x.question(), y.question(), f);
      close(x.mean(), y.mean(), f + " mean");
      close(x.meanInterval(), y.meanInterval(), f + " mean interval");
      assertEquals(x.importance().isPresent(), y.importance().isPresent(), f);
      if (x.importance().isPresent() && y.importance().isPresent()) {
        Importance p = x.importance().get();
        Importance q = y.importance().get();
        close(p.correlation(), q.correlation(), f + " r");
        close(p.correlationInterval(), q.correlationInterval(), f + " r interval");
        close(p.beta(), q.beta(), f + " beta");
        close(p.relativeWeight(), q.relativeWeight(), f + " weight");
        close(p.share(), q.share(), f + " share");
      }
    }
  }
}
