package io.github.cxkpi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Comparisons of samples without spread give finite answers, not NaN: equal constants are no
 * evidence of a difference, different constants certain evidence.
 */
class DegenerateComparisonsTest {
  @Test
  void aZTestWithoutSpread() {
    Difference same = ZTest.twoSided(0, 0, 0.95);
    assertEquals(0, same.statistic());
    assertEquals(1, same.pValue());
    assertEquals(new Interval(0, 0), same.interval());
    Difference apart = ZTest.twoSided(-2, 0, 0.95);
    assertEquals(Double.NEGATIVE_INFINITY, apart.statistic());
    assertEquals(0, apart.pValue());
  }

  @Test
  void welchWithoutSpread() {
    Difference same = Means.welch(5, 0, 3, 5, 0, 4, 0.95);
    assertEquals(0, same.statistic());
    assertEquals(1, same.pValue());
    assertEquals(5, same.degreesOfFreedom());
    Difference apart = Means.welch(7, 0, 3, 5, 0, 4, 0.95);
    assertEquals(Double.POSITIVE_INFINITY, apart.statistic());
    assertEquals(0, apart.pValue());
    // One sample with spread: the ordinary Welch test, finite everywhere.
    Difference one = Means.welch(7, 0, 3, 5, 2, 4, 0.95);
    assertTrue(Double.isFinite(one.pValue()) && Double.isFinite(one.degreesOfFreedom()));
    // Fewer than two answers: no variance can be estimated, so no test (documented NaN).
    assertTrue(Double.isNaN(Means.welch(7, Double.NaN, 1, 5, 2, 4, 0.95).pValue()));
  }
}
