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

  @Test
  void theDefaultRecorderAndCollectorMatchTheDefaultAggregator() {
    io.github.cxkpi.scale.RatingRecorder<CesAggregator> recorder = Ces.recorder();
    for (int s : new int[] {7, 6, 2}) {
      recorder.record(s);
    }
    CesResult expected = Ces.aggregator().addAll(7, 6, 2).result();
    assertEquals(expected, recorder.intervalSnapshot().result());
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    assertEquals(expected, java.util.stream.IntStream.of(7, 6, 2)
        .mapToObj(s -> io.github.cxkpi.event.SurveyResponse.builder("c", t).question(Ces.ID)
            .score(s).build())
        .collect(Ces.collector()));
  }
}
