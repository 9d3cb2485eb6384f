package io.github.cxkpi.ces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.testing.Readme;
import org.junit.jupiter.api.Test;

/** The README's CES snippet, compiled and run, and checked against README.md. */
class ReadmeExamplesTest {

  @Test
  void ces() {
    // README:ces
    CesResult v2 = Ces.aggregator().addAll(7, 6, 6, 5, 7, 4, 3, 6, 5, 7, 2, 6, 5, 6, 7).result();
    System.out.printf("CES 2.0: mean %.2f, easy %.0f%%, net easy %+.0f%%%n",
        v2.mean(), 100 * v2.easyShare(), 100 * v2.netEasy());

    // CES 1.0: 1-5, lower is better. Comparisons say "better" the same way for both:
    CesResult lastMonth = Ces.aggregator(Ces.v1()).addAll(1, 2, 2, 3, 1, 4, 2, 5, 1, 2).result();
    CesResult thisMonth = Ces.aggregator(Ces.v1()).addAll(1, 1, 2, 2, 1, 2, 1, 2, 1, 2).result();
    RatingComparison change = thisMonth.compare(lastMonth, 0.95);
    System.out.printf("mean effort improved by %.2f (Welch p=%.3f)%n",
        change.mean().estimate(), change.mean().pValue());
    // README:end
    assertEquals(0.8, v2.easyShare(), 1e-15);
    assertTrue(change.mean().estimate() > 0);
    Readme.assertShows(getClass(), "ces");
  }
}
