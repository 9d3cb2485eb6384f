package io.github.cxkpi.ces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class CesResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("CES 5.47 [4.63, 6.30], easy 80.0% n=15 (small sample)", Ces.aggregator().addAll(7, 6, 6, 5, 7, 4, 3, 6, 5, 7, 2, 6, 5, 6, 7).result().toString());
    assertEquals("CES undefined n=0", Ces.aggregator().result().toString());
  }
}
