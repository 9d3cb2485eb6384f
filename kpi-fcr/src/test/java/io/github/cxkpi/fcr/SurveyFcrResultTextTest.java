package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class SurveyFcrResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("FCR 66.7% [20.8%, 93.9%] n=3 (small sample)", Fcr.surveyAggregator().add(true).add(true).add(false).result().toString());
    assertEquals("FCR undefined n=0", Fcr.surveyAggregator().result().toString());
  }
}
