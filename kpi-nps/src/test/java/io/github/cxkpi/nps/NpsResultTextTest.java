package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class NpsResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("NPS 8.3 [-35.5, 48.9] n=12 (small sample)", Nps.aggregator().addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0).result().toString());
    assertEquals("NPS undefined n=0", Nps.aggregator().result().toString());
  }

  @Test
  void npsSpeaksTheCommonAggregatorVocabulary() {
    io.github.cxkpi.testing.Vocabulary.assertCommonVocabulary(
        Nps.aggregator().addAll(10, 9, 3).addBlank(), Nps::aggregator);
  }
}
