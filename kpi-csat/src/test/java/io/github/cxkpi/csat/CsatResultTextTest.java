package io.github.cxkpi.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class CsatResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("CSAT 70.0% [48.1%, 85.5%], mean 3.85 [3.30, 4.40] n=20 (small sample)", Csat.aggregator().addAll(5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 5, 2, 4, 5, 3, 4, 5).result().toString());
    assertEquals("CSAT undefined n=0", Csat.aggregator().result().toString());
  }
}
